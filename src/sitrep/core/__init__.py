"""The pure core: text, chunking, extraction and merging as functions over schema models.

Nothing here touches a broker, a socket or the clock, so all of it is tested directly.
"""
