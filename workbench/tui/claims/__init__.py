"""Claims: tagging, the form, the panel and board, likely claims, marks on the main screen."""
