"""Widgets and page furniture, one module per concern (pages import them from here):

``state`` (selections ⇄ URL) · ``navigation`` (menu, share link and QR) · ``presentation``
(page header, themes, slide keys, printing) · ``output`` (charts with their sentence, CSV /
Excel downloads) · ``tables`` (projector-readable tables, empty states, build caption) ·
``provenance`` (where a number came from, corrections) · ``corpus`` (coverage, word cloud,
keyword in context). Their CSS lives in ``styles.py``; logic lives in ``queries/`` and
``charts``, so pages stay "read filters, query, draw".
"""

from dashboard.components.state import GLOBAL_KEYS, PAGE_CONTROLS, init_from_url, write_url, selection, global_filters, unknown_link_notice, show_notices  # noqa: F401
from dashboard.components.navigation import PAGES, page_icon, page_links, share_panel  # noqa: F401
from dashboard.components.presentation import apply_theme, AUTO_CHOICES, page_header, slide_nav, print_link, print_button, keyboard_nav  # noqa: F401
from dashboard.components.output import plot, source_stamp, csv_bytes, csv_download, excel_bytes, download_buttons  # noqa: F401
from dashboard.components.tables import DATA_PAGE, html_table, table, empty_state, no_data, require_build, build_caption, pager, page_span  # noqa: F401
from dashboard.components.provenance import provenance, correction_form, save_correction  # noqa: F401
from dashboard.components.corpus import COVERAGE_SLIDE, corpus_overview, cloud, document_picker, kwic_list  # noqa: F401
