"""The one command-line front door: `antrian server|kiosk|display|demo|doctor|printer|voice`."""
