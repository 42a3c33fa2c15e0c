"""Static archive of press-briefing coverage.

The build is a one-way pipeline, one module a stage:
load -> validate -> model -> render -> write (temporary folder, index, swap).
"""
