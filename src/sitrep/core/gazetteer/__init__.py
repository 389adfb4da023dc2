"""core/gazetteer"""
