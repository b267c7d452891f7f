"""Text facts that several rooms share, below all of them.

Arabic normalisation for matching and the bidi controls (`normalise`), spreadsheet-formula
neutralisation of CSV cells (`formula`), the columns of the workbench's segment CSV
(`csv_columns`), what may be stored (`controls`) and how stored text is shown inert (`inert`).
Imports nothing else of the workbench.
"""
