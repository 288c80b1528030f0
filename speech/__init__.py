"""Offline speech shared by the hall display and the kiosk: the espeak-ng child that renders a
sentence to a WAV, the player, and the rules for saying numbers, letters and names in Indonesian
(`speech.words`). No Qt; imports only config."""
