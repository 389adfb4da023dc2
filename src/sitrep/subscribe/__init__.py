"""subscribe"""
