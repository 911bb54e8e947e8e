//! Section 6: where to sue.

use serde::Serialize;

use crate::law::debts::Debt;
use crate::law::{Contract, Facts, Finding, Forum};

/// How the suggested court was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForumKind {
    /// The user's choice (`claim.court`).
    Override,
    /// The court agreed in the contract (CPL 35).
    Agreed,
    /// An arbitration clause: no court (Arbitration Law Art. 5).
    Arbitration,
    /// The court of the debtor's domicile (CPL 24).
    DefendantDomicile,
    /// The court of the place of performance: for money, the creditor's location (CPL 24;
    /// SPC CPL Interpretation 18).
    PlaceOfPerformance,
}

/// Another court that may also hear the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourtOption {
    /// Why it is competent.
    pub kind: ForumKind,
    /// The court, by name where the address gives it, else as the rule describes it.
    pub court: String,
    /// The address that decides it.
    pub address: Option<String>,
    /// The article, in Chinese.
    pub rule: &'static str,
    /// The article, as a short English citation.
    pub article: &'static str,
}

/// The suggested forum, with the rule that produced it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuggestedCourt {
    /// How it was found.
    pub kind: ForumKind,
    /// The court (`None` under an arbitration clause): its name where the address gives it
    /// (derived from the address: check it), else the clause's or the rule's description.
    pub court: Option<String>,
    /// The address that decides it, if any.
    pub address: Option<String>,
    /// The arbitration institution, under an arbitration clause.
    pub arbitration: Option<String>,
    /// The article, in Chinese.
    pub rule: &'static str,
    /// The article, as a short English citation.
    pub article: &'static str,
    /// How it was found, in English.
    pub detail: String,
    /// Other courts that may also hear the case.
    pub alternatives: Vec<CourtOption>,
}

/// A basic people's court's name from a mainland address, where the address makes it plain:
/// `浙江省杭州市西湖区文三路100号` → `杭州市西湖区人民法院`; a county or county-level city
/// gives `<name>人民法院`. `None` when the address does not follow the province–city–district
/// pattern (towns, streets and development zones give `None`: their courts are not named after
/// them). A suggestion only: special courts and court reorganisations are not known here.
pub fn court_for_address(address: &str) -> Option<String> {
    let mut rest = address.trim();
    for marker in ["自治区", "省"] {
        if let Some(i) = rest.find(marker) {
            let head = &rest[..i];
            if head.chars().count() <= 6 {
                rest = &rest[i + marker.len()..];
                break;
            }
        }
    }
    let city_end = rest.find('市')?;
    let city = &rest[..city_end + '市'.len_utf8()];
    if city.chars().count() > 8 || city.chars().count() < 2 {
        return None;
    }
    let after = &rest[city.len()..];
    let (pos, ch) = after.char_indices().find(|(_, c)| matches!(c, '区' | '县' | '市'))?;
    let district = &after[..pos + ch.len_utf8()];
    let n = district.chars().count();
    // A town, street, community or development zone is not a court's area: no name then.
    let not_a_district = district
        .chars()
        .any(|c| c.is_ascii_alphanumeric() || "镇乡街道路号村社园楼巷弄".contains(c))
        || district.contains("开发区")
        || district.contains("高新");
    if !(2..=8).contains(&n) || not_a_district {
        return None;
    }
    Some(match ch {
        '区' => format!("{city}{district}人民法院"),
        _ => format!("{district}人民法院"),
    })
}

fn domicile_option(addr: Option<&String>) -> CourtOption {
    // CPL 24: a contract dispute may be heard where the defendant is domiciled.
    CourtOption {
        kind: ForumKind::DefendantDomicile,
        court: addr
            .and_then(|a| court_for_address(a))
            .unwrap_or_else(|| "被告住所地人民法院".into()),
        address: addr.cloned(),
        rule: "民事诉讼法第二十四条",
        article: "CPL 24",
    }
}

fn performance_option(addr: Option<&String>) -> CourtOption {
    // CPL 24; SPC CPL Interpretation 18: or at the place of performance, which for a money
    // claim with no agreed place is the receiving party's (the creditor's) location.
    CourtOption {
        kind: ForumKind::PlaceOfPerformance,
        court: addr
            .and_then(|a| court_for_address(a))
            .unwrap_or_else(|| "合同履行地（原告所在地）人民法院".into()),
        address: addr.cloned(),
        rule: "民事诉讼法第二十四条；《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第十八条",
        article: "CPL 24; SPC CPL Interpretation 18",
    }
}

/// The suggested court: an arbitration clause excludes the courts; otherwise the agreed court
/// (CPL 35); otherwise the debtor's domicile (CPL 24), with the creditor's location as the place
/// of performance as the alternative (SPC CPL Interpretation 18); `claim.court` overrides.
/// Only the contracts that debts fall under count (all contracts, when no debt names one).
///
/// The debtor's domicile comes first: it is competent in every case, whereas the place of
/// performance may be disputed (an agreed place of performance displaces it) — conservative.
pub fn suggest(facts: &Facts, debts: &[Debt], findings: &mut Vec<Finding>) -> SuggestedCourt {
    let used: Vec<&Contract> = {
        let named: Vec<&Contract> = facts
            .contracts
            .iter()
            .filter(|c| debts.iter().any(|d| d.contract.as_deref() == Some(c.id.as_str())))
            .collect();
        if named.is_empty() {
            facts.contracts.iter().collect()
        } else {
            named
        }
    };
    let creditor = facts.claim.creditor_address.as_ref();
    let debtor = facts.claim.debtor_address.as_ref();

    // Arbitration Law Art. 5: with an arbitration agreement, the courts do not accept the suit.
    if let Some((c, name)) = used.iter().find_map(|c| match &c.forum {
        Some(Forum::Arbitration(n)) => Some((c, n)),
        _ => None,
    }) {
        findings.push(Finding::info(
            "arbitration-clause",
            format!(
                "contract {} refers disputes to {name}: no court complaint; the claim goes to arbitration (Arbitration Law Art. 5)",
                c.id
            ),
            Some(&c.doc),
        ));
        if facts.claim.court.is_some() {
            findings.push(Finding::warning(
                "court-override-vs-arbitration",
                format!(
                    "claim.court is set, but contract {} has an arbitration clause: a court would decline the suit unless the clause is invalid",
                    c.id
                ),
                Some(&c.doc),
            ));
        }
        return SuggestedCourt {
            kind: ForumKind::Arbitration,
            court: None,
            address: None,
            arbitration: Some(name.clone()),
            rule: "仲裁法第五条",
            article: "Arbitration Law Art. 5",
            detail: format!("arbitration clause in contract {}: {name}", c.id),
            alternatives: Vec::new(),
        };
    }

    let clauses: Vec<(&Contract, &String)> = used
        .iter()
        .filter_map(|c| match &c.forum {
            Some(Forum::Court(n)) => Some((*c, n)),
            _ => None,
        })
        .collect();
    let law = if let Some((c, clause)) = clauses.first() {
        if clauses.iter().any(|(_, n)| n != clause) || clauses.len() < used.len() {
            findings.push(Finding::warning(
                "forum-conflict",
                format!(
                    "the contracts do not all agree the same court; contract {}'s clause ({clause}) is suggested, but debts under other contracts may need another court",
                    c.id
                ),
                Some(&c.doc),
            ));
        }
        // CPL 35: the parties may agree in writing on a court connected with the dispute.
        let address = if clause.contains("原告") {
            creditor
        } else if clause.contains("被告") {
            debtor
        } else {
            None
        };
        let court = address
            .and_then(|a| court_for_address(a))
            .unwrap_or_else(|| (*clause).clone());
        SuggestedCourt {
            kind: ForumKind::Agreed,
            court: Some(court),
            address: address.cloned(),
            arbitration: None,
            rule: "民事诉讼法第三十五条",
            article: "CPL 35",
            detail: format!("the court agreed in contract {}: {clause}", c.id),
            alternatives: Vec::new(),
        }
    } else {
        let primary = domicile_option(debtor);
        SuggestedCourt {
            kind: primary.kind,
            court: Some(primary.court),
            address: primary.address,
            arbitration: None,
            rule: primary.rule,
            article: primary.article,
            detail: "no forum clause: the court of the debtor's domicile; the creditor's location (place of performance of a money claim) is competent too".into(),
            alternatives: vec![performance_option(creditor)],
        }
    };

    match &facts.claim.court {
        Some(court) => {
            findings.push(Finding::info(
                "court-override",
                format!(
                    "claim.court names {court}; the rules would suggest {} ({})",
                    law.court.as_deref().unwrap_or("-"),
                    law.article
                ),
                None,
            ));
            let mut alternatives = vec![CourtOption {
                kind: law.kind,
                court: law.court.clone().unwrap_or_default(),
                address: law.address.clone(),
                rule: law.rule,
                article: law.article,
            }];
            alternatives.extend(law.alternatives);
            SuggestedCourt {
                kind: ForumKind::Override,
                court: Some(court.clone()),
                address: None,
                arbitration: None,
                rule: law.rule,
                article: "claim.court",
                detail: format!("the user's choice (claim.court); the rules suggest: {}", law.detail),
                alternatives,
            }
        }
        None => law,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn court_names_from_addresses() {
        let cases = [
            ("浙江省杭州市西湖区文三路100号", Some("杭州市西湖区人民法院")),
            ("浙江省宁波市海曙区中山西路200号", Some("宁波市海曙区人民法院")),
            ("北京市朝阳区建国路88号", Some("北京市朝阳区人民法院")),
            ("上海市浦东新区世纪大道1号", Some("上海市浦东新区人民法院")),
            ("浙江省宁波市余姚市阳明西路1号", Some("余姚市人民法院")),
            ("浙江省温州市永嘉县上塘镇1号", Some("永嘉县人民法院")),
            ("广西壮族自治区南宁市青秀区民族大道1号", Some("南宁市青秀区人民法院")),
            ("苏州工业园区星湖街328号", None),
            // Dongguan has no districts: its towns have no court of their own name.
            ("广东省东莞市长安镇霄边社区振安中路168号", None),
            ("江苏省苏州市工业园区星湖街328号", None),
            ("浙江省宁波市高新区扬帆路1号", None),
            (
                "江苏省无锡市锡山区东港镇港下工业园锡港南路18号",
                Some("无锡市锡山区人民法院"),
            ),
            (
                "广东省深圳市宝安区西乡街道固戍社区航城大道",
                Some("深圳市宝安区人民法院"),
            ),
            ("", None),
        ];
        for (addr, want) in cases {
            assert_eq!(court_for_address(addr).as_deref(), want, "{addr}");
        }
    }
}
