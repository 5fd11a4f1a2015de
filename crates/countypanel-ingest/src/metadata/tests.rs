//! Tests of report metadata: titles, dates, issuers.

use super::*;

fn finder() -> RegionFinder {
    RegionFinder::new(
        [
            ("平安县", Level::County, true),
            ("海东市", Level::Prefecture, true),
            ("青海省", Level::Province, true),
            ("城关区", Level::County, true),
            ("白银市", Level::Prefecture, true),
            ("景泰县", Level::County, true),
            ("乐都县", Level::County, true),
            ("黔东南苗族侗族自治州", Level::Prefecture, true),
        ]
        .into_iter(),
    )
}

#[test]
fn dates_in_their_usual_forms() {
    assert_eq!(date_at_start("2020-01-06 12:14:02"), Some((2020, 1, 6)));
    assert_eq!(date_at_start("2020年04月15日09:53"), Some((2020, 4, 15)));
    assert_eq!(date_at_start("2022/4/1"), Some((2022, 4, 1)));
    assert_eq!(date_at_start("2022-13-01"), None);
    assert_eq!(date_at_start("22.04.2016 10:00"), Some((2016, 4, 22)));
    assert_eq!(date_at_start("12.5万人"), None);
    assert_eq!(date_at_start("2022年"), None);
}

#[test]
fn title_date_and_issuer_from_labelled_lines() {
    let text =
        "首页\n平安县召开卫生健康工作会议\n发布时间:2021-02-03 09:00 来源:平安县卫健局\n正文。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.title.as_deref(), Some("平安县召开卫生健康工作会议"));
    assert_eq!(m.published, Some((2021, 2, 3)));
    assert_eq!(m.issuer.as_deref(), Some("平安县"));
}

#[test]
fn the_issuing_bodys_lines_between_title_and_date_are_not_the_title() {
    let text = "平安县2024年政府工作报告\n平安县人民政府\n2024年1月18日\n各位代表:";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.title.as_deref(), Some("平安县2024年政府工作报告"));
    assert_eq!(m.published, Some((2024, 1, 18)));
    let text = "2023年海东市国民经济和社会发展统计公报\n海东市统计局\n国家统计局海东调查队\n\
                2024年4月30日\n正文。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(
        m.title.as_deref(),
        Some("2023年海东市国民经济和社会发展统计公报")
    );
    // A body's name alone before the date is still the title when nothing else is.
    let m = read_metadata("海东市统计局\n2024年4月30日\n正文。", None, &finder());
    assert_eq!(m.title.as_deref(), Some("海东市统计局"));
}

#[test]
fn issuer_from_source_line_with_a_short_name() {
    let text = "全市卫生工作稳步推进\n2022年05月06日 来源:海东日报\n正文。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.published, Some((2022, 5, 6)));
    assert_eq!(m.issuer.as_deref(), Some("海东市"));
}

#[test]
fn unknown_stays_unknown() {
    let m = read_metadata("XX县区卫生工作汇报\n正文没有日期。", None, &finder());
    assert_eq!((m.published, m.issuer), (None, None));
}

#[test]
fn the_most_specific_region_of_the_title_is_the_subject() {
    let text = "白银市景泰县2008年国民经济和社会发展统计公报\n年末全县有卫生机构16个。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.issuer.as_deref(), Some("景泰县"));
    let text = "青海省海东市卫生健康工作要点\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder()).issuer.as_deref(),
        Some("海东市")
    );
    // A city that was county-level once (平凉市, before 崆峒区) still encloses the district
    // named right after it.
    let once_county = RegionFinder::new(
        [
            ("平凉市", Level::County, false),
            ("崆峒区", Level::County, true),
        ]
        .into_iter(),
    );
    let text = "平凉市崆峒区卫生健康局2023年工作总结\n正文。";
    assert_eq!(
        read_metadata(text, None, &once_county).issuer.as_deref(),
        Some("崆峒区")
    );
}

#[test]
fn a_web_address_dates_a_page_that_prints_no_date() {
    for (line, date) in [
        (
            "source: http://epaper.example.cn/html/2023-01/09/content_3.htm",
            (2023, 1, 9),
        ),
        (
            "source: http://www.example.gov.cn/fxgk/202405/t20240508_45.shtml",
            (2024, 5, 8),
        ),
        (
            "source: https://example.cn/system/2009/11/20/052225088.shtml",
            (2009, 11, 20),
        ),
        (
            "source: http://wjw.example.gov.cn//c27562/20191220/i1285480.html",
            (2019, 12, 20),
        ),
    ] {
        let m = read_metadata(
            &format!("{line}\n卫生工作圆满收官\n正文。"),
            None,
            &finder(),
        );
        assert_eq!(m.published, Some(date), "{line}");
    }
    let m = read_metadata(
        "source: http://example.cn/detail/20181109090740000001\n正文。",
        None,
        &finder(),
    );
    assert_eq!(m.published, Some((2018, 11, 9)), "a timestamp id");
    let m = read_metadata(
        "source: http://example.cn/detail/20189999123456\n正文。",
        None,
        &finder(),
    );
    assert_eq!(m.published, None);
}

#[test]
fn a_report_naming_no_region_is_placed_by_its_government_website() {
    let text = "source: http://www.qhpingan.gov.cn/zjpa/shsy/\n2022年,全县共有卫生机构74家。";
    assert_eq!(
        read_metadata(text, None, &finder()).issuer.as_deref(),
        Some("平安县")
    );
    let text = "source: http://www.pingan.com/news/1.html\n全县共有卫生机构74家。";
    assert_eq!(read_metadata(text, None, &finder()).issuer, None);
}

#[test]
fn a_countys_website_places_a_report_that_names_its_province_more_often() {
    let body = "项目支出绩效目标申报表\n项目立项依据:青海省财政厅、青海省卫健委《青海省公共卫生\
                服务补助资金管理办法》,青海省卫健委《关于确定试点县名单的通知》将平安县列入试点县。\n年度预算安排2279万元。";
    let text = format!("source: http://www.qhpingan.gov.cn/xxgk/1.html\n{body}");
    assert_eq!(
        read_metadata(&text, None, &finder()).issuer.as_deref(),
        Some("平安县")
    );
    // Without the site, the body's most named region stands.
    assert_eq!(
        read_metadata(body, None, &finder()).issuer.as_deref(),
        Some("青海省")
    );
}

#[test]
fn a_countys_website_places_a_speech_that_names_a_neighbour_more_often() {
    let finder = RegionFinder::new(
        [
            ("宁都县", Level::County, true),
            ("瑞金市", Level::County, true),
            ("赣州市", Level::Prefecture, true),
        ]
        .into_iter(),
    );
    let body = "在全县卫生健康工作会议上的讲话\n同志们:全县家庭医生签约率42.3%,与瑞金市相比还有差距,\
                瑞金市去年签约覆盖率达到47.6%,瑞金市的做法值得学习。";
    // 都 is read du here, not dou: every reading of a name's characters is tried.
    let text = format!("source: http://www.ningdu.gov.cn/xxgk/1.html\n{body}");
    assert_eq!(
        read_metadata(&text, None, &finder).issuer.as_deref(),
        Some("宁都县")
    );
    assert_eq!(
        read_metadata(body, None, &finder).issuer.as_deref(),
        Some("瑞金市")
    );
}

#[test]
fn an_autonomous_prefecture_is_named_by_its_short_forms() {
    for text in ["黔东南州统计局\n正文。", "黔东南2023年统计公报\n正文。"] {
        assert_eq!(
            read_metadata(text, None, &finder()).issuer.as_deref(),
            Some("黔东南苗族侗族自治州"),
            "{text}"
        );
    }
}

#[test]
fn an_issuing_body_and_names_broken_by_spaces() {
    let text = "卫生工作总结\n平 安 县 卫 生 健 康 局\n2021年5月6日\n青海省海东市召开会议。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.issuer.as_deref(), Some("平安县"));
}

/// The names' automaton finds what a byte automaton finds leftmost-longest: every county-level
/// name since 1981 and every town, in texts that run names into each other and cut them.
#[test]
fn names_are_found_as_a_byte_automaton_finds_them() {
    use aho_corasick::{AhoCorasickBuilder, MatchKind};
    use countypanel_core::rng::SplitMix64;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |file: &str, column: usize| -> Vec<String> {
        let text = std::fs::read_to_string(root.join("data/reference").join(file)).unwrap();
        let mut names: Vec<String> = text
            .lines()
            .skip(1)
            .filter_map(|l| {
                l.split(',')
                    .nth(column)
                    .map(|n| n.trim_matches('"').to_string())
            })
            .filter(|n| !n.is_empty())
            .collect();
        names.sort();
        names.dedup();
        names
    };
    let mut rng = SplitMix64(20_261_201);
    for names in [read("areacodes_history.csv", 3), read("streets.csv", 1)] {
        assert!(names.len() > 3000, "the list loads");
        let ours = Names::new(&names);
        let reference = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .unwrap();
        let pieces: Vec<String> = (0..300)
            .flat_map(|_| {
                let c: Vec<char> = rng.pick(&names).chars().collect();
                let cut = usize::try_from(rng.int(1, i64::try_from(c.len()).unwrap())).unwrap();
                [
                    c.iter().collect(),
                    c[..cut].iter().collect(),
                    c[cut..].iter().collect(),
                ]
            })
            .chain(["，", "卫生健康局", "市", "县", "2023年"].map(String::from))
            .collect::<Vec<String>>();
        for _ in 0..500 {
            let text: String = (0..rng.int(0, 10))
                .map(|_| rng.pick(&pieces).as_str())
                .collect();
            let expected: Vec<NameAt> = reference
                .find_iter(&text)
                .map(|m| NameAt {
                    start: m.start(),
                    end: m.end(),
                    name: m.pattern().as_usize(),
                })
                .collect();
            assert_eq!(
                ours.find_iter(&text).collect::<Vec<_>>(),
                expected,
                "{text}"
            );
        }
    }
}

#[test]
fn a_place_visited_is_not_the_subject_of_the_report() {
    // The title names only the county visited: the report is not its, nor does the body's
    // account of it make it so.
    let text = "我县卫生健康系统赴景泰县考察学习\n景泰县家庭医生签约率达到78.5%。景泰县经验值得学习。\
        我县签约率为61.2%。";
    assert_eq!(read_metadata(text, None, &finder()).issuer, None);
    // A visit to a province's city: both names are the place visited.
    let text = "平安县卫生健康局赴青海省海东市学习医共体建设经验\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder()).issuer.as_deref(),
        Some("平安县")
    );
    // Without the visit, the named county is the subject.
    let text = "景泰县卫生健康工作综述\n景泰县家庭医生签约率达到78.5%。";
    assert_eq!(
        read_metadata(text, None, &finder()).issuer.as_deref(),
        Some("景泰县")
    );
}

#[test]
fn a_short_name_before_a_towns_ending_is_a_town_not_the_county() {
    let text = "平安镇卫生院2023年工作总结\n今年以来,我院全面完成各项任务。";
    assert_eq!(read_metadata(text, None, &finder()).issuer, None);
    let text = "平安2023年卫生健康工作总结\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder()).issuer.as_deref(),
        Some("平安县")
    );
}

#[test]
fn a_byline_a_subtitle_and_a_signature_date_do_not_make_the_title() {
    let text = "平安县2024年政府工作报告\n——在县第十八届人民代表大会第三次会议上\n县长 李明\n\
        2024年1月10日\n一、2023年工作回顾\n过去一年,全县完成固定资产投资156亿元。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.title.as_deref(), Some("平安县2024年政府工作报告"));
    let text = "(记者 唐丽 通讯员 周建军)\n平安县家庭医生签约服务提质增效\n正文。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.title.as_deref(), Some("平安县家庭医生签约服务提质增效"));
    let text = "海东市2023年家庭医生签约服务工作通报\n各县区卫生健康局:\n\
        2023年,全市家庭医生签约服务工作稳步推进。\n\
        重点人群签约率方面,平安县为80.2%,均高于全市平均水平\n海东市卫生健康委员会\n2024年1月15日";
    let m = read_metadata(text, None, &finder());
    assert_eq!(
        m.title.as_deref(),
        Some("海东市2023年家庭医生签约服务工作通报")
    );
    assert_eq!(m.issuer.as_deref(), Some("海东市"));
}

#[test]
fn a_date_in_brackets_after_a_dash_or_a_source_dates_the_report() {
    for (text, date) in [
        (
            "平安县卫生健康局2024年部门预算情况说明\n（2024年2月5日公开）\n一、部门基本情况",
            (2024, 2, 5),
        ),
        (
            "平安县妇幼保健院2023年工作总结\n(2024年1月10日)\n正文。",
            (2024, 1, 10),
        ),
        (
            "政府工作报告\n——2024年1月16日在平安县第十九届人民代表大会第四次会议上\n正文。",
            (2024, 1, 16),
        ),
        (
            "平安县2023年卫生健康事业发展稳中有进\n来源:平安县融媒体中心 2024年1月29日\n正文。",
            (2024, 1, 29),
        ),
        (
            "平安县健康扶贫工作情况汇报\n一、基本情况\n全县签约率达到60.8%。\n二、主要做法\n三、存在问题\n\
             四、下一步打算\n平安县卫生健康局  2023年12月12日",
            (2023, 12, 12),
        ),
    ] {
        assert_eq!(
            read_metadata(text, None, &finder()).published,
            Some(date),
            "{text}"
        );
    }
    // A date in a sentence of the text is no date of writing.
    let text = "平安县卫生健康工作综述\n截至2023年10月31日全县签约率达到45%。";
    assert_eq!(read_metadata(text, None, &finder()).published, None);
}

#[test]
fn a_verb_of_building_a_document_number_and_a_news_titles_colon() {
    let finder = RegionFinder::new(
        [
            ("平安县", Level::County, true),
            ("新建区", Level::County, true),
            ("南昌市", Level::Prefecture, true),
        ]
        .into_iter(),
    );
    let text = "平安县新建三十二个标准化村卫生室\n2023年5月6日\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder).issuer.as_deref(),
        Some("平安县")
    );
    let text = "南昌市新建区卫生健康工作综述\n2023年5月6日\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder).issuer.as_deref(),
        Some("新建区")
    );
    let text = "平卫健函〔2023〕18号\n关于县政协十届二次会议第57号提案的答复\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder).title.as_deref(),
        Some("关于县政协十届二次会议第57号提案的答复")
    );
    let text = "河南:紧密型县域医共体建设成效显著\n来源:河南日报 2024-01-25\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder).title.as_deref(),
        Some("河南:紧密型县域医共体建设成效显著")
    );
    // An institution's name before the colon (古田镇中心卫生院:…), and not a label's.
    let text = "首页 > 乡镇动态\n古田镇中心卫生院:守护群众健康的家门口好医院\n\
        发布时间:2023-06-20 来源:平安县融媒体中心\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder).title.as_deref(),
        Some("古田镇中心卫生院:守护群众健康的家门口好医院")
    );
    // A speech's title over the speaker's office and name and its date.
    let text =
        "在2024年全县卫生健康工作会议上的讲话\n县人民政府副县长　陈××\n(2024年2月26日)\n同志们:";
    assert_eq!(
        read_metadata(text, None, &finder).title.as_deref(),
        Some("在2024年全县卫生健康工作会议上的讲话")
    );
    // A headline with its year before the colon.
    let text = "平安县人民医院2023年工作综述:守护百万群众健康的主力军\n\
        发布时间:2024-01-12 来源:平安县融媒体中心\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder).title.as_deref(),
        Some("平安县人民医院2023年工作综述:守护百万群众健康的主力军")
    );
    let text = "卫生健康工作综述\n联系电话:0931-8812345\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder).title.as_deref(),
        Some("卫生健康工作综述")
    );
}

#[test]
fn a_short_name_inside_a_slogan_word_is_no_name() {
    let finder = RegionFinder::new(
        [
            ("康平县", Level::County, true),
            ("平江县", Level::County, true),
        ]
        .into_iter(),
    );
    let text = "建设健康平江 共享幸福生活——我县健康县城创建工作综述\n2024年1月5日\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder).issuer.as_deref(),
        Some("平江县")
    );
    let text = "康平县卫生健康工作综述\n2024年1月5日\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder).issuer.as_deref(),
        Some("康平县")
    );
}

#[test]
fn a_date_written_in_chinese_numerals() {
    assert_eq!(date_at_start("二〇二四年三月五日"), Some((2024, 3, 5)));
    assert_eq!(
        date_at_start("二〇二三年十二月三十一日"),
        Some((2023, 12, 31))
    );
    assert_eq!(
        date_at_start("二〇二三年十月二十日印发"),
        Some((2023, 10, 20))
    );
    assert_eq!(date_at_start("二〇二三年二月三十日"), None);
    let text = "平安县2023年卫生健康工作总结\n正文。\n平安县卫生健康局\n二〇二四年三月五日";
    assert_eq!(
        read_metadata(text, None, &finder()).published,
        Some((2024, 3, 5))
    );
}

#[test]
fn a_cut_off_date_and_a_title_naming_its_role_holder() {
    let text = "平安县2023年卫生健康统计公报\n(数据截至2023年12月31日)\n正文。";
    assert_eq!(read_metadata(text, None, &finder()).published, None);
    let text = "县长李明调研县人民医院新院区建设\n2024年3月1日\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder()).title.as_deref(),
        Some("县长李明调研县人民医院新院区建设")
    );
}

#[test]
fn a_long_reports_signature_at_its_end_dates_it() {
    let mut text = String::from("关于平安县医共体建设推进情况的报告\n县人民政府:\n");
    for _ in 0..40 {
        text.push_str("全县医共体建设稳步推进。\n");
    }
    text.push_str("特此报告。\n平安县卫生健康委员会\n2023年10月18日\n");
    let m = read_metadata(&text, None, &finder());
    assert_eq!(m.published, Some((2023, 10, 18)));
    // A date closing a sentence at the end is no signature.
    let text = text.replace("平安县卫生健康委员会\n", "");
    assert_eq!(read_metadata(&text, None, &finder()).published, None);
}

#[test]
fn a_notices_issuing_institution_above_its_title_is_no_title() {
    let text = "平安县疾病预防控制中心\n关于2024年第一季度全县法定传染病疫情的通报\n\
        平疾控通〔2024〕9号\n各乡镇卫生院:\n现将疫情通报如下。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(
        m.title.as_deref(),
        Some("关于2024年第一季度全县法定传染病疫情的通报")
    );
    // Nor is it between the title and the date under them.
    let text = "平安县2024年5月法定传染病疫情概况\n\n平安县疾病预防控制中心\n2024年6月6日\n\
        一、总体疫情\n全县共报告甲乙类传染病213例。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(
        m.title.as_deref(),
        Some("平安县2024年5月法定传染病疫情概况")
    );
}

#[test]
fn a_title_naming_two_counties_side_by_side_is_about_neither_alone() {
    let text = "平安乐都两县卫生健康事业发展观察\n来源:海东日报 作者:记者 2024-03-18\n正文。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.issuer.as_deref(), Some("海东市"));
    // A county inside a city's name stays the subject.
    let m = read_metadata(
        "海东市平安县2023年卫生健康工作总结\n正文。",
        None,
        &finder(),
    );
    assert_eq!(m.issuer.as_deref(), Some("平安县"));
}

#[test]
fn a_news_pages_update_time_dates_it() {
    let text = "平安县新型农村合作医疗工作扎实推进\n作者:县合疗办 来源:本站 点击数:356 \
        更新时间:2008-11-27\n今年,全县参合农民达到17.36万人。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.published, Some((2008, 11, 27)));
    assert!(!m.published_weak);
}

#[test]
fn a_newspapers_masthead_names_its_region() {
    let text = "海东日报 2015-03-16 第3版:要闻\n我市基层卫生服务能力持续增强\n\
        平安县组建家庭医生团队120个,平安县签约率52%,全市共有医疗卫生机构5863个。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.issuer.as_deref(), Some("海东市"));
}

#[test]
fn a_short_name_inside_a_word_rivals_no_region_and_a_report_is_no_paper() {
    let m = read_metadata("乐都县创建平安医院工作总结\n正文。", None, &finder());
    assert_eq!(m.issuer.as_deref(), Some("乐都县"));
    let text = "卫生工作简讯\n乐都县坚持疫情日报告制度\n全县签约率52%。";
    let m = read_metadata(text, None, &finder());
    assert_ne!(m.issuer.as_deref(), Some("海东市"));
}

#[test]
fn a_short_name_that_is_an_everyday_word_names_no_region() {
    let finder = RegionFinder::new(
        [
            ("资源县", Level::County, true),
            ("合作市", Level::County, true),
            ("安宁市", Level::County, true),
            ("红河哈尼族彝族自治州", Level::Prefecture, true),
            ("景泰县", Level::County, true),
        ]
        .into_iter(),
    );
    let m = read_metadata("红河州三县卫生资源概况\n正文。", None, &finder);
    assert_eq!(m.issuer.as_deref(), Some("红河哈尼族彝族自治州"));
    let m = read_metadata(
        "新型农村合作医疗工作总结\n安宁疗护试点启动。",
        None,
        &finder,
    );
    assert_eq!(m.issuer, None);
    // The full name still names the region.
    let m = read_metadata("资源县卫生资源配置情况\n正文。", None, &finder);
    assert_eq!(m.issuer.as_deref(), Some("资源县"));
    let m = read_metadata("景泰县合作医疗工作总结\n正文。", None, &finder);
    assert_eq!(m.issuer.as_deref(), Some("景泰县"));
}

#[test]
fn a_two_character_county_inside_words_names_no_region() {
    let finder = RegionFinder::new(
        [
            ("和县", Level::County, true),
            ("岷县", Level::County, true),
            ("仁寿县", Level::County, true),
        ]
        .into_iter(),
    );
    let text = "关于检查医药卫生体制改革情况的报告\n常委会组成人员和县人大代表参加检查。\
        全县共有医疗卫生机构1086个。";
    assert_eq!(read_metadata(text, None, &finder).issuer, None);
    let text = "甘肃岷县卫生健康工作总结\n全县共有医疗卫生机构386个。";
    assert_eq!(
        read_metadata(text, None, &finder).issuer.as_deref(),
        Some("岷县")
    );
}

#[test]
fn a_year_and_month_under_the_issuer_dates_a_plan() {
    let text = "平安县卫生健康事业发展规划\n\n平安县卫生健康局\n2021年9月\n\n正文。";
    let m = read_metadata(text, None, &finder());
    assert_eq!(m.published, Some((2021, 9, 1)));
    // A month inside a sentence is no date line.
    let text = "平安县卫生健康工作总结\n2021年9月,全县启动改革。";
    assert_eq!(read_metadata(text, None, &finder()).published, None);
    // In brackets, as an evaluation prints it under its issuer.
    let text =
        "平安县“十四五”卫生健康事业发展规划\n中期评估报告\n平安县卫生健康局\n(2024年6月)\n正文。";
    assert_eq!(
        read_metadata(text, None, &finder()).published,
        Some((2024, 6, 1))
    );
}

#[test]
fn a_short_name_opening_a_longer_towns_name_is_the_town() {
    let finder = RegionFinder::new(
        [
            ("松江区", Level::County, true),
            ("抚松县", Level::County, true),
        ]
        .into_iter(),
    );
    let text = "松江河镇2019年卫生健康工作总结\n来源:抚松县人民政府\n全镇共有村卫生室12个。";
    assert_eq!(
        read_metadata(text, None, &finder).issuer.as_deref(),
        Some("抚松县")
    );
}
