//! The unified social credit code (统一社会信用代码) and its check character.

/// GB 32100-2015 §4: the 31 characters of the code, in the order of their values 0–30.
const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// GB 32100-2015 §5: weights of positions 1–17 for the check character (mod 31).
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsccProblem {
    Length(usize),
    Character(char),
    /// The check character should be this one.
    Check {
        expected: char,
        found: char,
    },
}

/// Verifies an 18-character USCC. Letters are accepted in either case.
pub fn check(code: &str) -> Result<(), UsccProblem> {
    let chars: Vec<char> = code.trim().chars().map(|c| c.to_ascii_uppercase()).collect();
    if chars.len() != 18 {
        return Err(UsccProblem::Length(chars.len()));
    }
    let mut values = Vec::with_capacity(18);
    for &c in &chars {
        match CHARSET.find(c) {
            Some(v) if c.is_ascii() => values.push(v as u32),
            _ => return Err(UsccProblem::Character(c)),
        }
    }
    let sum: u32 = values[..17].iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let expected_value = (31 - sum % 31) % 31;
    let expected = CHARSET.as_bytes()[expected_value as usize] as char;
    if chars[17] == expected {
        Ok(())
    } else {
        Err(UsccProblem::Check {
            expected,
            found: chars[17],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes() {
        // By hand with the GB 32100 weights, for 91350100M000100Y4 (M = 21, Y = 30):
        // 9·1 + 1·3 + 3·9 + 5·27 + 1·26 + 21·20 + 1·8 + 30·30 + 4·28 (zeros add nothing)
        // = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → check character '3'.
        assert_eq!(check("91350100M000100Y43"), Ok(()));
        assert_eq!(check("91350100m000100y43"), Ok(()));
        assert_eq!(
            check("91350100M000100Y4A"),
            Err(UsccProblem::Check {
                expected: '3',
                found: 'A'
            })
        );
        assert_eq!(check("9135"), Err(UsccProblem::Length(4)));
        assert_eq!(check("91350100M000100Y4I"), Err(UsccProblem::Character('I')));
    }
}
