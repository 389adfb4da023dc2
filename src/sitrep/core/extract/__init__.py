"""The three extractors' pure cores: ``Chunk`` in, a result message out."""
