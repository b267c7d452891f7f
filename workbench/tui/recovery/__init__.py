"""Never losing work: the journal, hang-ups, the recovery dialog, the database file check."""
