"""Text facts that several rooms share, below all of them.

Arabic normalisation for matching and the bidi controls (`normalise`), spreadsheet-formula
neutralisation of CSV cells (`formula`) and the columns of the workbench's segment CSV
(`csv_columns`). Imports nothing else of the workbench.
"""
