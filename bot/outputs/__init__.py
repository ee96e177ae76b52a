"""What the forum takes into its meetings: the workbook, the charts and the PDF brief.

``history`` reads a group's range of days once (its own reports, every
version, its incidents, the regions below it) into one plain record; the
renderers (``workbook``, ``charts``, ``brief``) turn that record into files
and never touch the database; ``jobs`` runs a request end to end in a worker
(a local process pool, or arq workers on Redis) and hands the files back.

Heavy libraries (XlsxWriter, matplotlib, fpdf2) are imported inside the
renderers, the first time a file is made: a bot nobody asks for charts
starts and runs as light as before.
"""
