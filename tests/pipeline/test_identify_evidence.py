"""County and year from every piece of evidence, and the record of which one decided.

Every text here is written for the test; none is taken from the corpus.
"""

from __future__ import annotations

import pytest

from pipeline.identify import identify_document


def ident(text: str, source_file: str = "upload.txt", html_title: str | None = None):
    return identify_document(text, source_file, html_title)


# ---------------------------------------------------------------- years

def test_title_year_is_recorded_as_title():
    identity = ident("桐庐县2019年国民经济和社会发展统计公报\n全年实现地区生产总值360亿元。")
    assert (identity.report_year, identity.year_source, identity.doc_type) == (2019, "title", "统计公报")


def test_plan_report_is_for_the_year_it_plans():
    identity = ident("关于桐庐县2020年计划执行情况与2021年计划草案的报告\n各位代表：")
    assert (identity.report_year, identity.year_source) == (2021, "title")


def test_plan_report_naming_only_the_year_executed_is_for_the_year_after():
    identity = ident("关于淳安县2017年国民经济和社会发展计划执行情况的报告\n各位代表：\n全县地区生产总值增长7%。")
    assert (identity.report_year, identity.doc_type) == (2018, "计划执行情况")


def test_a_part_year_plan_execution_report_is_a_progress_briefing_of_its_year():
    identity = ident("关于淳安县2019年上半年国民经济和社会发展计划执行情况的报告\n各位代表：\n上半年，全县地区生产总值增长7%。")
    assert (identity.report_year, identity.doc_type) == (2019, "工作汇报")


@pytest.mark.parametrize("sentence, year", [
    ("今年是新中国成立70周年，做好今年工作意义重大。", 2019),
    ("今年恰逢中国共产党成立一百周年。", 2021),
    ("今年是党的二十大召开之年，全县上下要以优异成绩迎接党的二十大。", 2022),
    ("今年是改革开放四十周年。", 2018),
])
def test_the_anniversary_a_report_names_for_this_year(sentence, year):
    identity = ident("各位代表：\n" + sentence + "全县地区生产总值增长6%左右。")
    assert (identity.report_year, identity.year_source) == (year, "plan_term")


def test_december_delivery_outranks_a_mirror_title_of_the_same_year():
    text = ("2018年桐庐县政府工作报告\n——2018年12月20日在桐庐县第十六届人民代表大会第三次会议上\n"
            "各位代表：\n现在，我代表县人民政府向大会报告工作。")
    identity = ident(text)
    assert (identity.report_year, identity.year_source) == (2019, "delivery_date")


def test_date_line_under_the_meeting_line():
    text = ("政府工作报告\n——在桐庐县第十七届人民代表大会第一次会议上\n县长 王某\n（2022年1月6日）\n"
            "各位代表：\n现在，我代表县人民政府向大会报告工作。")
    identity = ident(text)
    assert (identity.delivered_year, identity.delivered_month, identity.report_year) == (2022, 1, 2022)


@pytest.mark.parametrize(("phrase", "year"), [
    ("今年是“十三五”规划开局之年", 2016),
    ("今年是“十四五”收官之年", 2025),
    ("今年，是“十五五”的起步之年", 2026),
])
def test_plan_term_phrases(phrase, year):
    identity = ident(f"{phrase}，全县上下要凝心聚力。主要预期目标：地区生产总值增长6%左右。")
    assert (identity.report_year, identity.year_source) == (year, "plan_term")


def test_targets_and_review_sections_vote():
    text = "各位代表：\n一、2020年工作回顾\n过去一年，全县经济稳定增长。\n二、2021年主要预期目标\n地区生产总值增长7%。"
    identity = ident(text)
    assert (identity.report_year, identity.year_source) == (2021, "sections")


def test_bulletin_without_title_is_for_the_year_it_describes():
    text = "2018年，全县经济平稳运行。\n一、综合\n初步核算，2018年全县地区生产总值210亿元，按可比价格计算，增长7.0%。"
    identity = ident(text)
    assert (identity.report_year, identity.year_source, identity.doc_type) == (2018, "body", "统计公报")


def test_masked_year_in_title_gives_no_year():
    identity = ident("20XX年某县政府工作报告\n一、2019年工作回顾\n全县经济稳步增长。")
    assert identity.report_year is None


def test_posting_date_is_never_the_year():
    identity = ident("发布时间：2023-05-06 10:12\n各位代表：\n全县上下共同努力，经济社会平稳发展。")
    assert identity.report_year is None


def test_year_in_file_name_is_the_weakest_evidence():
    text = "各位代表：\n全县上下共同努力，经济社会平稳发展。"
    assert ident(text, "reports/桐庐/2020年报告.docx").report_year == 2020
    assert ident(text, "reports/桐庐/2020年报告.docx").year_source == "file_name"
    assert ident("2017年桐庐县政府工作报告\n" + text, "2020年报告.docx").report_year == 2017


def test_hash_like_file_names_give_no_year():
    assert ident("各位代表：\n全县上下共同努力。", "seeds/9a2019fe.txt").report_year is None


# ---------------------------------------------------------------- counties


def test_county_from_title_is_recorded_as_title():
    identity = ident("桐庐县2021年政府工作报告\n各位代表：")
    assert (identity.county, identity.city, identity.county_source) == ("桐庐县", "杭州市", "title")


def test_short_meeting_line_of_a_news_item():
    text = "1月9日，桐庐县十七届人大二次会议开幕。县长作政府工作报告。报告提出今年地区生产总值增长6%。"
    identity = ident(text)
    assert (identity.county, identity.county_source, identity.doc_type) == ("桐庐县", "meeting_line", "报告摘要")


def test_masthead_names_the_county_when_the_body_does_not():
    text = "来源：桐庐县融媒体中心\n今年以来，全县上下齐心协力，地区生产总值增长6%，我县经济回升向好。"
    identity = ident(text)
    assert (identity.county, identity.county_source) == ("桐庐县", "masthead")


def test_masthead_short_form():
    text = "桐庐新闻网讯 今年以来，全县上下齐心协力，地区生产总值增长6%，我县经济回升向好。"
    assert ident(text).county == "桐庐县"


def test_body_outranks_the_html_title():
    text = "各位代表：\n现在，我代表桐庐县人民政府向大会报告工作。桐庐县人民政府全体成员共同努力。"
    identity = ident(text, html_title="建德市新闻中心_首页")
    assert (identity.county, identity.county_source) == ("桐庐县", "body")


def test_html_title_when_the_body_is_silent():
    identity = ident("各位代表：\n全县上下共同努力，经济社会平稳发展。", html_title="桐庐县2021年政府工作报告_政务公开")
    assert identity.county == "桐庐县"


def test_folder_names_the_county_when_the_text_does_not():
    text = "各位代表：\n全县上下共同努力，经济社会平稳发展。"
    identity = ident(text, "桐庐县/2021年报告.docx")
    assert (identity.county, identity.county_source) == ("桐庐县", "folder")


def test_file_name_never_outweighs_the_text():
    text = "桐庐县2021年政府工作报告\n各位代表："
    assert ident(text, "建德市/2019年报告.docx").county == "桐庐县"


def test_single_weak_mention_agreeing_with_self_reference():
    text = "今年以来，黄岩区委、区政府团结带领全区人民攻坚克难，全区经济稳中有进。"
    identity = ident(text)
    assert (identity.county, identity.county_source) == ("黄岩区", "body")


def test_section_heading_names_the_county():
    text = "十六区今年的目标\n【桐庐县】\n今年预期目标是地区生产总值增长6%，全县上下齐心协力。富阳区也提出了目标。"
    assert ident(text).county == "桐庐县"


def test_former_name_resolves_to_the_current_unit():
    identity = ident("2015年章丘市政府工作报告\n各位代表：")
    assert (identity.county, identity.city, identity.county_as_written) == ("章丘区", "济南市", "章丘市")


def test_unit_created_after_the_old_table():
    identity = ident("2023年临平区政府工作报告\n各位代表：")
    assert (identity.county, identity.city, identity.province) == ("临平区", "杭州市", "浙江省")


def test_article_covering_several_counties():
    text = ("近日，各区县经济数据陆续公布。\n萧山区地区生产总值增长5.1%；余杭区地区生产总值增长4.2%；"
            "富阳区实现地区生产总值900亿元。建德市也有增长。")
    identity = ident(text)
    assert identity.counties == ("萧山区", "余杭区", "富阳区")
    assert (identity.county, identity.city, identity.county_source) == ("萧山区;余杭区;富阳区", "杭州市", "several")
    assert identity.doc_type == "其他"


# ---------------------------------------------------------------- text as pages render it


def test_inline_pinyin_does_not_split_a_county_name():
    text = "临(lín)安(ān)区(qū)2022年国(guó)民经济和社会发展统计公报(bào)\n全区实现地区生产总值700亿元。"
    identity = ident(text)
    assert (identity.county, identity.report_year, identity.doc_type) == ("临安区", 2022, "统计公报")


def test_variant_characters_in_place_names():
    identity = ident("2020年陜西省延安市宝塔区国民经济和社会发展统计公报\n全区经济平稳运行。")
    assert (identity.county, identity.province) == ("宝塔区", "陕西省")


def test_title_run_into_the_first_paragraph():
    identity = ident("2019年德清县国民经济和社会发展统计公报2019年,全县上下坚持稳中求进,经济平稳运行。")
    assert (identity.title, identity.county) == ("2019年德清县国民经济和社会发展统计公报", "德清县")


def test_breadcrumb_is_not_a_title():
    text = "首页 > 政务公开 > 政府工作报告\n德清县2022年政府工作报告\n各位代表："
    assert ident(text).title == "德清县2022年政府工作报告"


def test_counties_of_many_cities_are_not_one_citys_roundup():
    text = ("全省县域经济排名发布。德清县地区生产总值增长6%；萧山区地区生产总值增长5%；"
            "义乌市地区生产总值增长7%。\n各位代表：我代表德清县人民政府向大会报告工作。德清县人民政府全体成员。")
    identity = ident(text)
    assert identity.counties == () and identity.county == "德清县"


def test_party_committee_names_the_county():
    text = "昨天，德清县委、县政府召开会议，部署今年经济工作，全县上下要奋力拼搏。"
    assert ident(text).county == "德清县"


def test_briefing_delivered_in_november_is_for_its_own_year():
    text = "2023年德清县工作汇报\n（2023年11月20日）\n尊敬的各位领导：现将我县今年以来的工作汇报如下。"
    assert ident(text).report_year == 2023


def test_generic_district_name_counts_in_a_title():
    identity = ident("兰州市城关区2021年政府工作报告\n各位代表：")
    assert (identity.county, identity.city) == ("城关区", "兰州市")


def test_a_sentence_about_delivering_the_report_is_not_its_title():
    identity = ident("我代表县人民政府向大会作政府工作报告，请予审议。\n全县上下共同努力。")
    assert identity.title is None


def test_short_forms_in_the_body_name_the_county():
    text = ("今年以来，昆山坚持稳中求进，全市经济稳步回升。昆山制造业持续壮大，"
            "昆山开发区新签约项目40个。全市上下齐心协力。")
    identity = ident(text)
    assert (identity.county, identity.county_as_written) == ("昆山市", "昆山")


def test_a_page_naming_its_county_only_in_a_slogan_with_its_city_named_too():
    text = ("二、今年的主要任务\n按照市委部署，全力服务杭州都市圈建设，全区上下奋力打造活力新萧山。\n"
            "全区地区生产总值增长6%左右。")
    identity = ident(text)
    assert (identity.county, identity.county_source) == ("萧山区", "body")


def test_a_slogan_short_form_needs_its_city_or_province_and_the_texts_own_kind():
    without_city = "二、今年的主要任务\n全区上下奋力打造活力新萧山。全区地区生产总值增长6%左右。"
    assert ident(without_city).county is None
    other_kind = "二、今年的主要任务\n服务杭州都市圈建设，全县上下奋力打造活力新萧山。全县地区生产总值增长6%。"
    assert ident(other_kind).county is None


def test_a_folder_outranks_a_slogan_short_form():
    text = "二、今年的主要任务\n服务杭州都市圈建设，全区上下奋力打造活力新萧山。"
    assert ident(text, "余杭区/2023年报告.docx").county == "余杭区"


def test_a_short_form_inside_an_everyday_word_does_not_block_the_slogan():
    text = ("二、今年的主要任务\n统筹发展和安全，服务杭州都市圈建设，全区上下奋力打造活力新萧山。")
    assert ident(text).county == "萧山区"


def test_a_provincial_ranking_of_counties_of_several_cities_covers_them_all():
    text = ("近日，浙江各县（市）经济数据公布。\n义乌市地区生产总值增长7.1%。慈溪市地区生产总值2600亿元。"
            "诸暨市地区生产总值增长6%。乐清市地区生产总值1700亿元。")
    identity = ident(text)
    assert identity.county_source == "several" and len(identity.counties) == 4


def test_a_county_comparing_itself_with_counties_of_other_cities_is_not_a_ranking():
    text = ("今年以来，我县地区生产总值增长7.1%，高于义乌市的6%、慈溪市的5.9%、诸暨市的5.5%和乐清市的5%。"
            "我县经济稳中向好。")
    assert ident(text).county_source != "several"


def test_a_county_paper_in_the_masthead_names_the_county_a_city_paper_does_not():
    from pipeline.normalise import normalise_text

    body = "今年以来，全县上下齐心协力，地区生产总值增长6%，我县经济回升向好。"
    assert ident(normalise_text("桐庐日报讯 " + body)).county == "桐庐县"
    assert ident(normalise_text(body + "（来源：桐庐日报）")).county == "桐庐县"
    assert ident(normalise_text("杭州日报讯 " + body)).county is None


def test_a_county_comparing_itself_with_its_neighbours_is_its_own_document():
    text = ("过去一年，全区地区生产总值增长4.2%，萧山区经济总量突破2000亿元。与余杭区、滨江区、富阳区相比，"
            "增速高出0.6个百分点。全区一般公共预算收入增长5%。萧山区委、区政府带领全区人民攻坚克难。")
    identity = ident(text)
    assert (identity.county, identity.county_source) == ("萧山区", "body")
    ours = "过去一年，地区生产总值增长4%。在全市各区中，余杭区增长5%，滨江区增长6%，富阳区增长3%，我区位居第三。"
    assert ident(ours).county_source != "several"


def test_a_citys_media_saying_wo_shi_still_write_a_roundup():
    text = ("我市各区县2023年经济数据出炉。\n萧山区地区生产总值增长5.1%；余杭区地区生产总值增长4.2%；"
            "富阳区地区生产总值增长6.3%。")
    assert ident(text).county_source == "several"
