"""Classroom outputs made from a typed lesson: slide deck, pupil pack, Present view and knowledge checks.

Each output kind is a plain function from a lesson (and region) to bytes, with no I/O; `placement`
alone decides which text may go where, by its audience; `outputs` caches and names the files.
"""
