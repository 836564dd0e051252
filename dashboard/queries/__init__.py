"""Questions the pages ask of the tables: pure pandas, no Streamlit, no I/O.

Every function takes contract frames (see ``pipeline.contracts``) and returns a small
frame or dict ready for a chart builder or a table. Masked values stay null with their
``masked`` flag so that nothing downstream can mistake them for zero.

One module per concern; this package re-exports them so ``queries.ranking`` keeps working:
``labels`` (codes → Chinese, formatting) · ``facts`` (row helpers) · ``options`` (global
selections) · ``corpus`` (coverage, counts) · ``compare`` · ``targets`` · ``vocabulary`` ·
``exports`` (downloads) · ``cockpit`` (县情驾驶舱) · ``sentences`` (chart messages) ·
``advice`` (what to do about a rejected file) · ``deck``.
"""

from dashboard.queries.advice import *  # noqa: F403
from dashboard.queries.cockpit import *  # noqa: F403
from dashboard.queries.compare import *  # noqa: F403
from dashboard.queries.corpus import *  # noqa: F403
from dashboard.queries.deck import *  # noqa: F403
from dashboard.queries.exports import *  # noqa: F403
from dashboard.queries.facts import *  # noqa: F403
from dashboard.queries.facts import _pick_one  # noqa: F401
from dashboard.queries.labels import *  # noqa: F403
from dashboard.queries.labels import _LOWER_IS_BETTER  # noqa: F401
from dashboard.queries.options import *  # noqa: F403
from dashboard.queries.sentences import *  # noqa: F403
from dashboard.queries.targets import *  # noqa: F403
from dashboard.queries.vocabulary import *  # noqa: F403
