"""One module per `antrian` subcommand (see antrian.cli)."""
