"""Writers that turn an annotated paper into something to read or share."""
