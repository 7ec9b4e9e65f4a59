from floptrail.cli import app

app(prog_name="floptrail")
