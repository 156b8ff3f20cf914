"""The reader's widgets, one per module."""

from reader.tui.widgets.demo_panel import DemoPanel
from reader.tui.widgets.document_view import DocumentView
from reader.tui.widgets.equation_view import EquationView
from reader.tui.widgets.heading_block import HeadingBlock
from reader.tui.widgets.inspector import Inspector
from reader.tui.widgets.outline import Outline
from reader.tui.widgets.pattern_list import PatternList
from reader.tui.widgets.prose_block import ProseBlock
from reader.tui.widgets.reading_panes import ReadingPanes
from reader.tui.widgets.search_bar import SearchBar
from reader.tui.widgets.symbol_card import SymbolCard
from reader.tui.widgets.symbol_table import SymbolTable

__all__ = ["DemoPanel", "DocumentView", "EquationView", "HeadingBlock", "Inspector", "Outline",
           "PatternList", "ProseBlock", "ReadingPanes", "SearchBar", "SymbolCard", "SymbolTable"]
