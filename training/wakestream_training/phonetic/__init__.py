"""Phonetic models shared by every later stage: the phone set, G2P, the streaming phone-CTC encoder."""
