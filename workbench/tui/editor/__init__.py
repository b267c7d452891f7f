"""The main screen: segment list, the open segment (load, save, conflicts), the messages."""
