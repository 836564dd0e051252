"""Fixtures for the dashboard tests.

``built_data_dir`` gives a data directory with the sample corpus (``data/raw`` less the real
corpus) built by ``pipeline.build.run_build``. ``fixture_data_dir`` has small tables written by
hand instead. Those rows are TEST FIXTURES: figures marked ``# real`` are quoted from the
sample documents (浚县 2021/2023/2024, 利津县 2020); rows marked ``# invented`` are made up so
that every state the app must draw exists (met, missed, pending, no target, estimate vs final,
masked, a correction). The app itself never ships invented data.

The function fixtures point ``COUNTY_PULSE_DATA`` and ``COUNTY_PULSE_PROCESSED`` at the
directory for the test that asks for it (monkeypatch: nothing leaks into later tests), so
``AppTest`` reads it. The data dirs and the app servers the browser tests drive are made
once per session.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import contracts, settings, tfidf
from tests.conftest import point_env_at, sample_data_root

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "dashboard" / "app.py"

JUN21, JUN23, JUN24, LIJ20, ANON, ANON2, JUN22, LIJ23 = (
    "4752470000000004", "78f198f04f57dcb4", "93f8985ed6d84e3c", "9dcec8732cdd388a",
    "7c65391bb49a264a", "7603a2c35e0f2e98", "f1c7100000000022", "f1c7100000000023",
)

GDP_TARGET_JUN21 = "今年经济社会发展的主要预期目标是:地区生产总值增长8%以上,规模以上工业增加值增长9%,固定资产投资增长8.5%,社会消费品零售总额增长9%,一般公共预算收入增长6%,居民收入稳步增长,常住人口城镇化率提高1个百分点,万元生产总值能耗降幅完成市定目标,进出口总值保持平稳增长,城镇新增就业5500人,调查失业率控制在3%以内。"
JUN21_ACTUAL = "全县生产总值降幅持续收窄,规模以上工业增加值增长5.5%,固定资产投资增长6.4%,居民人均可支配收入增长4.2%,主要指标逐步回升、稳中有进。"
JUN23_ACTUAL = "有效稳住了经济发展基本盘,地区生产总值突破300亿元、增长4.2%,规模以上工业企业增加值增长3.1%,固定资产投资增长15.5%,社会消费品零售总额增长2.5%、位居全市第一,一般公共预算收入增长8.2%,居民人均可支配收入增长6.5%、位居全市第一。"
JUN24_ACTUAL = "2023年,全县地区生产总值增长1.7%。"
LIJ20_ACTUAL = "全年实现地区生产总值221.46亿元,同比增长7.9%;一般公共预算收入18.01亿元,同口径增长10.2%,两项指标增幅均居全市各县区首位。"
LIJ20_TARGET = "经济社会发展主要预期目标是:地区生产总值增长6.5%左右;一般公共财政预算收入增长5%左右;固定资产投资增长7%左右;社会消费品零售总额增长5%左右;居民人均可支配收入增长7%左右;城镇登记失业率控制在3.5%以内。"
JUN22_INVENTED = "【测试虚构】预计全年地区生产总值增长6.1%,固定资产投资增长10.3%,一般公共预算收入增长5.1%,调查失业率2.9%。今年主要预期目标:地区生产总值增长7%左右,固定资产投资增长10%左右。"
LIJ23_INVENTED = "【测试虚构】全年地区生产总值XX亿元、增长3.8%,固定资产投资增长12.0%,城镇调查失业率2.8%。"
ANON_MASKED = "今年主要预期目标是:地区生产总值增长X%左右,一般公共预算收入增长X%。"


def _doc(doc_id, source_file, county, city, province, year, doc_type, title, anonymised=False, status="ok", error=None, n_chars=20000):
    return dict(doc_id=doc_id, source_file=source_file, sha256=doc_id * 4, status=status, error=error, warning=None, conflicts=None, county=county, city=city,
                province=province, report_year=year, doc_type=doc_type, anonymised=anonymised, title=title, n_chars=n_chars,
                county_source="title" if county else None, year_source="title" if year else None)


def _fact(doc, county, province, ry, indicator, measure, kind, period, value, unit, sentence, *, qualifier="exact", estimated=False, masked=False, scope="annual", source=None, n=0):
    return dict(
        fact_id=f"{doc}:{n}:{indicator}:{measure}:{kind}:{period}", doc_id=doc, source_file=source, county=county, province=province,
        report_year=ry, indicator=indicator, measure=measure, kind=kind, estimated=estimated, period=period, period_start=period,
        period_end=period, scope=scope, value=value, unit=unit, qualifier=qualifier,
        qualifier_text={"about": "左右", "at_least": "以上", "at_most": "以内"}.get(qualifier), masked=masked, sentence=sentence,
        start=0, end=len(sentence), value_text=None if masked else f"{value}{unit}", value_start=0, value_end=1, basis=None, corrected=None,
    )


def fixture_tables() -> dict[str, pd.DataFrame]:
    docs = [
        _doc(JUN21, "seeds/004_75247fd8577e948a.txt", "浚县", "鹤壁市", "河南省", 2021, "政府工作报告", "浚县2021年政府工作报告"),
        _doc(JUN22, "invented/浚县2022年政府工作报告（测试虚构）.txt", "浚县", "鹤壁市", "河南省", 2022, "政府工作报告", "浚县2022年政府工作报告（测试虚构）"),
        _doc(JUN23, "samples/xunxian_2023.txt", "浚县", "鹤壁市", "河南省", 2023, "政府工作报告", "浚县人民政府工作报告(2023年4月8日)"),
        _doc(JUN24, "samples/xunxian_2024_news.txt", "浚县", "鹤壁市", "河南省", 2024, "其他", "浚县政府工作报告摘要（鹤壁日报）"),
        _doc(LIJ20, "seeds/003_ad147ba315cb1764.txt", "利津县", "东营市", "山东省", 2020, "政府工作报告", "2020年利津县政府工作报告"),
        _doc(LIJ23, "invented/利津县2023年政府工作报告（测试虚构）.txt", "利津县", "东营市", "山东省", 2023, "政府工作报告", "利津县2023年政府工作报告（测试虚构）"),
        _doc(ANON, "seeds/001_fd803d36d9783eb8.txt", None, None, None, 2021, "政府工作报告", "2021年政府工作报告(区县)", anonymised=True),
        _doc(ANON2, "seeds/000_c9aa3e43874953b5.txt", None, None, None, None, "工作汇报", "县“三创四建”工作汇报", anonymised=True),
        _doc("0000000000000bad", "uploads/空白.txt", None, None, None, None, None, None, status="rejected", error="清理后正文少于 40 字，视为空文档", n_chars=12),
        _doc("4752470000000004", "uploads/浚县2021副本.txt", None, None, None, None, None, None, status="duplicate", error="与 seeds/004_75247fd8577e948a.txt 内容相同"),
    ]
    src = {d["doc_id"]: d["source_file"] for d in docs if d["status"] == "ok"}
    H, S = "河南省", "山东省"
    f = []
    # 浚县 2021 report: 2020 outcomes and 2021 targets  # real
    f += [
        _fact(JUN21, "浚县", H, 2021, "地区生产总值", "growth", "target", 2021, 8.0, "%", GDP_TARGET_JUN21, qualifier="at_least", n=1),
        _fact(JUN21, "浚县", H, 2021, "固定资产投资", "growth", "target", 2021, 8.5, "%", GDP_TARGET_JUN21, n=2),
        _fact(JUN21, "浚县", H, 2021, "一般公共预算收入", "growth", "target", 2021, 6.0, "%", GDP_TARGET_JUN21, n=3),
        _fact(JUN21, "浚县", H, 2021, "调查失业率", "rate", "target", 2021, 3.0, "%", GDP_TARGET_JUN21, qualifier="at_most", n=4),
        _fact(JUN21, "浚县", H, 2021, "地区生产总值", "growth", "actual", 2020, None, "%", JUN21_ACTUAL, n=5),  # qualitative: 降幅收窄
        _fact(JUN21, "浚县", H, 2021, "固定资产投资", "growth", "actual", 2020, 6.4, "%", JUN21_ACTUAL, n=6),
        _fact(JUN21, "浚县", H, 2021, "居民人均可支配收入", "growth", "actual", 2020, 4.2, "%", JUN21_ACTUAL, n=7),
    ]
    # 浚县 2022 report  # invented
    f += [
        _fact(JUN22, "浚县", H, 2022, "地区生产总值", "growth", "actual", 2021, 6.1, "%", JUN22_INVENTED, estimated=True, n=1),
        _fact(JUN22, "浚县", H, 2022, "固定资产投资", "growth", "actual", 2021, 10.3, "%", JUN22_INVENTED, estimated=True, n=2),
        _fact(JUN22, "浚县", H, 2022, "一般公共预算收入", "growth", "actual", 2021, 5.1, "%", JUN22_INVENTED, estimated=True, n=3),
        _fact(JUN22, "浚县", H, 2022, "调查失业率", "rate", "actual", 2021, 2.9, "%", JUN22_INVENTED, n=4),
        _fact(JUN22, "浚县", H, 2022, "地区生产总值", "growth", "target", 2022, 7.0, "%", JUN22_INVENTED, qualifier="about", n=5),
        _fact(JUN22, "浚县", H, 2022, "固定资产投资", "growth", "target", 2022, 10.0, "%", JUN22_INVENTED, qualifier="about", n=6),
        _fact(JUN22, "浚县", H, 2022, "调查失业率", "rate", "actual", 2022, 3.1, "%", JUN22_INVENTED, n=7),
    ]
    # 浚县 2023 report and 2024 summary: 2022 and 2023 outcomes  # real
    f += [
        _fact(JUN23, "浚县", H, 2023, "地区生产总值", "growth", "actual", 2022, 4.2, "%", JUN23_ACTUAL, n=1),
        _fact(JUN23, "浚县", H, 2023, "地区生产总值", "level", "actual", 2022, 300.0, "亿元", JUN23_ACTUAL, qualifier="at_least", n=2),
        _fact(JUN23, "浚县", H, 2023, "固定资产投资", "growth", "actual", 2022, 15.5, "%", JUN23_ACTUAL, n=3),
        _fact(JUN23, "浚县", H, 2023, "社会消费品零售总额", "growth", "actual", 2022, 2.5, "%", JUN23_ACTUAL, n=4),
        _fact(JUN23, "浚县", H, 2023, "一般公共预算收入", "growth", "actual", 2022, 8.2, "%", JUN23_ACTUAL, n=5),
        _fact(JUN23, "浚县", H, 2023, "居民人均可支配收入", "growth", "actual", 2022, 6.5, "%", JUN23_ACTUAL, n=6),
        _fact(JUN24, "浚县", H, 2024, "地区生产总值", "growth", "actual", 2023, 1.7, "%", JUN24_ACTUAL, n=1),
    ]
    # 利津县 2020 report  # real
    f += [
        _fact(LIJ20, "利津县", S, 2020, "地区生产总值", "level", "actual", 2019, 221.46, "亿元", LIJ20_ACTUAL, n=1),
        _fact(LIJ20, "利津县", S, 2020, "地区生产总值", "growth", "actual", 2019, 7.9, "%", LIJ20_ACTUAL, n=2),
        _fact(LIJ20, "利津县", S, 2020, "一般公共预算收入", "level", "actual", 2019, 18.01, "亿元", LIJ20_ACTUAL, n=3),
        _fact(LIJ20, "利津县", S, 2020, "一般公共预算收入", "growth", "actual", 2019, 10.2, "%", LIJ20_ACTUAL, n=4),
        _fact(LIJ20, "利津县", S, 2020, "地区生产总值", "growth", "target", 2020, 6.5, "%", LIJ20_TARGET, qualifier="about", n=5),
        _fact(LIJ20, "利津县", S, 2020, "城镇登记失业率", "rate", "target", 2020, 3.5, "%", LIJ20_TARGET, qualifier="at_most", n=6),
    ]
    # 利津县 2023 report  # invented; GDP level masked as in the templates
    f += [
        _fact(LIJ23, "利津县", S, 2023, "地区生产总值", "level", "actual", 2022, None, "亿元", LIJ23_INVENTED, masked=True, n=1),
        _fact(LIJ23, "利津县", S, 2023, "地区生产总值", "growth", "actual", 2022, 3.8, "%", LIJ23_INVENTED, n=2),
        _fact(LIJ23, "利津县", S, 2023, "固定资产投资", "growth", "actual", 2022, 12.0, "%", LIJ23_INVENTED, n=3),
        _fact(LIJ23, "利津县", S, 2023, "调查失业率", "rate", "actual", 2022, 2.8, "%", LIJ23_INVENTED, n=4),
    ]
    # Anonymised template: masked values, no county  # real (masked)
    f += [
        _fact(ANON, None, None, 2021, "地区生产总值", "growth", "target", 2021, None, "%", ANON_MASKED, qualifier="about", masked=True, n=1),
        _fact(ANON, None, None, 2021, "一般公共预算收入", "growth", "target", 2021, None, "%", ANON_MASKED, masked=True, n=2),
    ]
    for row in f:
        row["source_file"] = src[row["doc_id"]]
    indicators = pd.DataFrame(f)
    ids = {(r["county"], r["indicator"], r["measure"], r["kind"], r["period"], r["estimated"]): r for r in f}

    def pair(county, province, indicator, measure, period, status, estimated=None, gap=None):
        t = ids.get((county, indicator, measure, "target", period, False))
        a = None
        if estimated is not None:
            a = ids.get((county, indicator, measure, "actual", period, estimated))
        return dict(
            county=county, province=province, indicator=indicator, measure=measure, period=period,
            target_value=t["value"] if t else None, target_unit=t["unit"] if t else None,
            target_qualifier=t["qualifier"] if t else None, target_qualifier_text=t["qualifier_text"] if t else None,
            target_doc=t["doc_id"] if t else None, target_fact_id=t["fact_id"] if t else None, target_sentence=t["sentence"] if t else None,
            actual_value=a["value"] if a else None, actual_unit=a["unit"] if a else None, actual_estimated=a["estimated"] if a else None,
            actual_doc=a["doc_id"] if a else None, actual_doc_type="政府工作报告" if a else None,
            actual_fact_id=a["fact_id"] if a else None, actual_sentence=a["sentence"] if a else None,
            status=status, gap=(a["value"] - t["value"]) if (a and t and a["value"] is not None) else None,
        )

    tvo = pd.DataFrame([
        pair("浚县", H, "地区生产总值", "growth", 2021, "missed", estimated=True),
        pair("浚县", H, "地区生产总值", "growth", 2022, "missed", estimated=False),
        pair("浚县", H, "地区生产总值", "growth", 2023, "no_target", estimated=False),
        pair("浚县", H, "固定资产投资", "growth", 2020, "no_target", estimated=False),
        pair("浚县", H, "固定资产投资", "growth", 2021, "met", estimated=True),
        pair("浚县", H, "固定资产投资", "growth", 2022, "met", estimated=False),
        pair("浚县", H, "一般公共预算收入", "growth", 2021, "missed", estimated=True),
        pair("浚县", H, "调查失业率", "rate", 2021, "met", estimated=False),
        pair("利津县", S, "地区生产总值", "growth", 2019, "no_target", estimated=False),
        pair("利津县", S, "地区生产总值", "growth", 2020, "no_outcome_yet"),
        pair("利津县", S, "城镇登记失业率", "rate", 2020, "no_outcome_yet"),
    ])

    def kw(doc, county, year, counts):
        return [dict(doc_id=doc, county=county, report_year=year, term=t, count=c, tfidf=c / 10) for t, c in counts.items()]

    keywords = pd.DataFrame(
        kw(JUN21, "浚县", 2021, {"灾后重建": 9, "乡村振兴": 7, "高标准农田": 5, "营商环境": 4, "黄河": 2, "疫情防控": 6})
        + kw(JUN23, "浚县", 2023, {"灾后重建": 3, "乡村振兴": 4, "疫情防控": 5, "绿色食品": 3})
        + kw(LIJ20, "利津县", 2020, {"黄河": 11, "滩区": 8, "化工新材料": 5, "乡村振兴": 6, "营商环境": 3, "疫情防控": 7})
        + kw(ANON, None, 2021, {"乡村振兴": 5, "脱贫攻坚": 4})
    )

    def sl(doc, county, year, counts):
        return [dict(doc_id=doc, county=county, report_year=year, slogan=s, family=s, kind="slogan", kind_basis="引号内的短语", count=c, quoted_count=c, first_sentence=f"……“{s}”……") for s, c in counts.items()]

    slogans = pd.DataFrame(
        sl(JUN21, "浚县", 2021, {"六稳": 3, "六保": 2, "放管服": 2, "十四五": 4})
        + sl(JUN23, "浚县", 2023, {"四不一保": 1, "放管服": 1, "十四五": 2})
        + sl(LIJ20, "利津县", 2020, {"148": 5, "六稳": 2, "双招双引": 4, "放管服": 1, "两不愁三保障": 2, "四好农村路": 1})
        + sl(ANON2, None, None, {"三创四建": 8})
    )
    located = [  # (doc, term, sentence, start, end): contexts rows point to their sentence
        (LIJ20, "放管服", "环境优则魅力生,改革创新才能再造优势。建立政策下行、问题上行双向直通服务企业模式,持续深化“放管服”改革。", 100, 160),
        (JUN21, "放管服", "深化“放管服”改革,持续优化营商环境。", 200, 220),
        (LIJ20, "双招双引", "四是连续狠抓项目建设、“双招双引”和企业扶持,培养造就了一支懂经营、会管理的企业家队伍。", 300, 350),
        (LIJ20, "六稳", "二是各级推进“六稳”、落实“六保”、支持实体经济力度持续加大。", 400, 430),
        (JUN23, "灾后重建", "面对艰巨繁重的灾后重建任务、持续反复的新冠肺炎疫情、复杂严峻的经济发展形势,县政府团结带领全县人民危中寻机。", 50, 110),
    ]
    contexts = pd.DataFrame([dict(doc_id=d, term=t, sentence_id=i, start=s, end=e) for i, (d, t, _, s, e) in enumerate(located)])
    sentences = pd.DataFrame([dict(doc_id=d, sentence_id=i, sentence=text) for i, (d, _, text, _, _) in enumerate(located)])
    texts = pd.DataFrame([dict(doc_id=d["doc_id"], text=d["title"] or "") for d in docs if d["status"] == "ok"])
    # The IDF a reader would compute from these counts (so tfidf is as without the table); of the
    # keywords, only the one contexts hold is ranked, as in a build (a ranked term has contexts).
    documents_of = keywords.groupby("term")["doc_id"].nunique()
    term_idf = pd.DataFrame({"term": documents_of.index, "documents": documents_of.to_numpy(),
                             "idf": tfidf.idf(documents_of.to_numpy(), keywords["doc_id"].nunique()),
                             "ranked": [t in set(contexts["term"]) for t in documents_of.index]})
    return {
        "documents": pd.DataFrame(docs), "indicators": indicators, "targets_vs_outcomes": tvo, "texts": texts,
        "keywords": keywords, "slogans": slogans, "contexts": contexts, "sentences": sentences, "term_idf": term_idf,
    }


def write_tables(out: Path, tables: dict[str, pd.DataFrame], build_id: str, **manifest) -> None:
    """Hand-written tables as a build leaves them: each table, and a manifest with their sha256."""
    import hashlib

    hashes = {}
    for name, frame in tables.items():
        path = settings.table_path(out, name)
        contracts.write_table(frame, name, path)
        hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = {"build_id": f"{build_id}-{hashes['indicators'][:12]}", "built_at": "2026-11-23T18:00:00+00:00",
                **manifest, "tables": hashes}
    settings.manifest_path(out).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def write_fixture(out: Path) -> None:
    write_tables(out, fixture_tables(), "fixture", seconds=1.5,
                 counts={"ok": 8, "rejected": 1, "duplicate": 1, "unchanged": 0, "facts": 35})


@pytest.fixture(scope="session")
def built_data_dir(built_sample_root) -> Path:
    """A data dir (raw, reference, processed) with the sample corpus built once per session
    (tests/conftest.py); read-only for tests: copy it to change it. ``app_test`` points the
    environment at it for one test."""
    return built_sample_root


@pytest.fixture(scope="session")
def built_data_root(built_data_dir) -> Path:
    """The same session data dir as ``built_data_dir`` (both names are in use)."""
    return built_data_dir


@pytest.fixture
def empty_data_dir(tmp_path, monkeypatch) -> Path:
    """A data dir with nothing built yet."""
    root = tmp_path / "data"
    (root / "raw").mkdir(parents=True)
    monkeypatch.setenv("COUNTY_PULSE_DATA", str(root))
    monkeypatch.setenv("COUNTY_PULSE_PROCESSED", str(root / "processed"))
    return root


ADMIN_PASSWORD = "test-only-password"  # set for every dashboard test by the fixture below


@pytest.fixture(autouse=True)
def admin_password(monkeypatch):
    """Changing data needs the admin password (dashboard/auth.py); tests log in with this one."""
    from dashboard import auth

    monkeypatch.setenv(auth.ENV_PASSWORD, ADMIN_PASSWORD)
    auth.GUARD.reset()
    yield ADMIN_PASSWORD
    auth.GUARD.reset()


def own_reference(tmp_path: Path, monkeypatch, *, copy_of: Path | None = None, drop: tuple[str, ...] = (),
                  headers: dict[str, list[str]] | None = None) -> Path:
    """A reference folder for this test alone, ``COUNTY_PULSE_REFERENCE`` pointed at it: a copy of
    ``copy_of`` (else empty), less the files in ``drop``, with each file of ``headers`` holding
    only its header row (what the app appends a person's corrections or reviews to)."""
    reference = tmp_path / "reference"
    if copy_of is not None:
        shutil.copytree(copy_of, reference)
    else:
        reference.mkdir()
    for name in drop:
        (reference / name).unlink(missing_ok=True)
    for name, columns in (headers or {}).items():
        (reference / name).write_text(",".join(columns) + "\n", encoding="utf-8")
    monkeypatch.setenv("COUNTY_PULSE_REFERENCE", str(reference))
    return reference


def unlock(at, password: str = ADMIN_PASSWORD):
    """Enter the admin password on the 数据 page, as an official would."""
    at.text_input(key="admin_password").input(password)
    at.button(key="FormSubmitter:admin_login-解锁").click().run()
    return at


def open_page(page: str = "overview", **params):
    """Open a page of the app by URL, as a shared link would, and run it."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["page"] = page
    for key, value in params.items():
        at.query_params[key] = str(value)
    at.run()
    return at


@pytest.fixture
def app_test(built_data_dir, monkeypatch):
    """Open a page of the app (by URL, as a shared link would) and return the AppTest."""
    point_env_at(monkeypatch, built_data_dir)
    return open_page


def page_text(at) -> str:
    """Every piece of visible text in an AppTest run (markdown, titles, captions, metrics, alerts)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


def figures(at) -> list[dict]:
    """The plotly figures drawn in an AppTest run, as dicts."""
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def html_blocks(at) -> str:
    return "\n".join(e.proto.body for e in at.get("html"))


def document_select(at, key: str):
    """The select of a ``components.document_picker`` (its key is ``key`` and the list's filters)."""
    return next(s for s in at.selectbox if str(s.key or "").startswith(f"{key}:"))


def assert_no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


@pytest.fixture(scope="session")
def fixture_data_dir(tmp_path_factory) -> Path:
    """Always the hand-written fixture tables (for the odd states a sample build may lack)."""
    root = sample_data_root(tmp_path_factory, "fixture")
    write_fixture(root / "processed")
    return root


@pytest.fixture
def fixture_app(fixture_data_dir, monkeypatch):
    """Like ``app_test`` but on the hand-written fixture tables."""
    point_env_at(monkeypatch, fixture_data_dir)
    return open_page


@pytest.fixture
def empty_app(empty_data_dir):
    return open_page


# --- Browser: the app started as the README says, driven by headless Chromium -------------------

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(data_dir: Path):
    """``streamlit run dashboard/app.py`` on ``data_dir``; yields the base URL."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    port = _free_port()
    env = dict(os.environ)
    env["COUNTY_PULSE_DATA"] = str(data_dir)
    env["COUNTY_PULSE_PROCESSED"] = str(data_dir / "processed")
    env["COUNTY_PULSE_ADMIN_PASSWORD"] = ADMIN_PASSWORD  # changing data needs it (dashboard/auth.py)
    cmd = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1"]
    log_path = data_dir.parent / f"streamlit-{port}.log"
    log = log_path.open("w")
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail("streamlit did not become healthy: " + log_path.read_text())
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser():
    import os

    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing on CI: install the Debian 'chromium' package (.ci/run does)")
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    playwright = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)  # every browser test may save a screenshot, in any order
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# One server per data dir for the whole session: starting one and its first page cost seconds.
@pytest.fixture(scope="session")
def app_url(built_data_dir):
    with running_app(built_data_dir) as base:
        yield base


@pytest.fixture(scope="session")
def fixture_app_url(fixture_data_dir):
    with running_app(fixture_data_dir) as base:
        yield base


# Resolves once the script has finished, every plotly chart has drawn its SVG and the page has
# not changed for ``quiet`` ms (plotly and Streamlit finish drawing after the script).
SETTLED_JS = r"""
(quiet) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning' || !document.querySelector('h1')
      || document.querySelector('[data-testid="stSkeleton"]')) return false;
  const w = window;
  if (!w.__cpSettle) {
    w.__cpSettle = {last: performance.now()};
    new MutationObserver(() => { w.__cpSettle.last = performance.now(); })
      .observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
  }
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  if (![...charts].every((c) => c.querySelector('.main-svg'))) return false;
  return performance.now() - w.__cpSettle.last >= quiet;
}
"""


def wait_rendered(page, quiet_ms: int = 600) -> None:
    """Wait until the page is drawn and still: the script done, the charts drawn, no change
    for ``quiet_ms``. A page that never stops changing (a running clock) is taken as it is
    after 10 s."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=30000)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && document.querySelector('h1')
                && !document.querySelector('[data-testid="stSkeleton"]');
        }""",
        timeout=30000,
    )
    try:
        page.wait_for_function(SETTLED_JS, arg=quiet_ms, timeout=10000, polling=100)
    except PlaywrightTimeout:
        pass


def open_in_browser(browser, url: str, **context):
    """A 1920×1080 zh-CN page at ``url``, rendered; returns (page, requested URLs)."""
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN", **context)
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="domcontentloaded")
    wait_rendered(page)
    return page, requests


# --- Hostile text: what a document could smuggle into the page ------------------------------------

EVIL = "evil.example"
HOSTILE = (
    '<b>粗体</b><i>斜体</i>[点我](http://evil.example/md) ![图](http://evil.example/md.png) '
    '<img src="http://evil.example/img.png"> <a href="http://evil.example/a">链接</a> :red[红字] $x^2$ '
    '=HYPERLINK("http://evil.example/x","点")'
)
HOSTILE_COUNTY = '<b>利津</b>[县](http://evil.example/c)'
HOSTILE_SLOGAN = '<i>斜体提法</i>![x](http://evil.example/s.png)'


def hostile_tables() -> dict[str, pd.DataFrame]:
    """The fixture tables with hostile text in every document-derived field the app shows:
    sentences, titles, file names, reasons, a county name, slogans, keywords, contexts."""
    t = fixture_tables()
    rename = {"利津县": HOSTILE_COUNTY}
    evil_file = 'samples/<img src="http://evil.example/f.png">[文件](http://evil.example/f).txt'
    files = {"samples/xunxian_2023.txt": evil_file}
    for name in ("documents", "indicators", "targets_vs_outcomes", "keywords", "slogans"):
        if "county" in t[name].columns:
            t[name]["county"] = t[name]["county"].replace(rename)
    docs = t["documents"]
    docs["source_file"] = docs["source_file"].replace(files)
    docs.loc[docs["status"] == "ok", "title"] = docs.loc[docs["status"] == "ok", "title"].map(lambda s: f"{s}{HOSTILE}")
    docs.loc[docs["status"] != "ok", "error"] = HOSTILE
    ind = t["indicators"]
    ind["source_file"] = ind["source_file"].replace(files)
    ind["sentence"] = ind["sentence"].map(lambda s: f"{HOSTILE}{s}")
    tvo = t["targets_vs_outcomes"]
    for column in ("target_sentence", "actual_sentence"):
        tvo[column] = tvo[column].map(lambda s: s if s is None or pd.isna(s) else f"{HOSTILE}{s}")
    t["slogans"].loc[0, "slogan"] = HOSTILE_SLOGAN
    t["slogans"].loc[0, "family"] = t["slogans"].loc[0, "slogan"]
    t["keywords"].loc[0, "term"] = '<a href="http://evil.example/k">链接词</a>'
    t["sentences"]["sentence"] = t["sentences"]["sentence"].map(lambda s: f"{HOSTILE}{s}")
    return t


@pytest.fixture(scope="session")
def hostile_data_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "data"
    (root / "raw").mkdir(parents=True)
    shutil.copytree(REPO / "data" / "reference", root / "reference")
    write_tables(root / "processed", hostile_tables(), "hostile", seconds=1.0)
    return root


@pytest.fixture(scope="session")
def hostile_app_url(hostile_data_dir):
    with running_app(hostile_data_dir) as base:
        yield base
