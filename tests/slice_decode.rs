//! Decoding a file a slice at a time (the browser's FOCUS bill import) gives
//! exactly what decoding it whole gives, whatever the slices.
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::format::decode::{DecodeError, Decoded, Encoding, SliceDecoder, decode};
use fleetplan::format::focus::{FocusOptions, FocusReader};
use fleetplan::model::{Plan, YearMonth};
use proptest::prelude::*;

fn in_slices(bytes: &[u8], slice: usize) -> (Result<Decoded, DecodeError>, usize) {
    let mut decoder = SliceDecoder::new(bytes);
    let mut steps = 0;
    loop {
        steps += 1;
        if let Some(out) = decoder.step(slice) {
            return (out, steps);
        }
        let (read, all) = decoder.progress();
        assert!(read <= all);
    }
}

#[test]
fn utf8_is_decoded_a_slice_at_a_time_with_characters_cut_at_the_edges() {
    // Three-byte characters, so most 4-byte slices end inside one.
    let text = "ServiceCategory,Tags\r\nCompute,\"{\"\"team\"\":\"\"基盤\"\"}\"\r\n".repeat(50);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.as_bytes());
    let (decoded, steps) = in_slices(&bytes, 4);
    let decoded = decoded.unwrap();
    assert_eq!(decoded.encoding, Encoding::Utf8Bom);
    assert_eq!(decoded.text, text);
    assert!(steps > text.len() / 4, "{steps} steps");
    let (plain, _) = in_slices(text.as_bytes(), 7);
    assert_eq!(plain.unwrap().encoding, Encoding::Utf8);
}

#[test]
fn shift_jis_and_utf16_are_left_to_the_whole_decode() {
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("チーム,金額\r\n基盤,100\r\n");
    let (decoded, _) = in_slices(&sjis, 4);
    assert_eq!(decoded, decode(&sjis));
    assert_eq!(decoded.unwrap().encoding, Encoding::ShiftJis);
    let utf16: Vec<u8> = "a,b\r\n1,2\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(in_slices(&utf16, 4).0, decode(&utf16));
    assert!(matches!(
        in_slices(&utf16, 4).0,
        Err(DecodeError::Utf16WithoutBom)
    ));
}

#[test]
fn a_bill_read_from_slices_is_the_bill_read_whole() {
    let bill = "BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceCategory,Tags\r\n\
                10.00,9.50,USD,2026-04-01T00:00:00Z,2026-05-01T00:00:00Z,Compute,{}\r\n\
                -2.00,-2.00,USD,2026-04-01T00:00:00Z,2026-05-01T00:00:00Z,Storage,NULL\r\n";
    let mut plan = Plan::blank("bill", "USD", 4, YearMonth::new(2026, 4).unwrap(), 12);
    plan.scenarios[0].ensure_team("Platform");
    let whole = FocusReader::start(&plan, bill.as_bytes(), FocusOptions::default()).unwrap();
    let decoded = in_slices(bill.as_bytes(), 16).0.unwrap();
    let sliced = FocusReader::start_decoded(&plan, decoded, FocusOptions::default());
    let finish = |mut r: FocusReader| {
        while !r.read(1) {}
        r.finish(&plan)
    };
    let (sliced, whole) = (finish(sliced), finish(whole));
    assert_eq!(sliced, whole);
    assert_eq!(whole.actuals.rows, 2);
}

proptest! {
    #[test]
    fn any_bytes_in_any_slices_decode_as_whole(
        bytes in proptest::collection::vec(any::<u8>(), 0..200),
        slice in 1usize..64,
    ) {
        prop_assert_eq!(in_slices(&bytes, slice).0, decode(&bytes));
    }

    #[test]
    fn any_text_in_any_slices_decodes_as_whole(
        text in "\\PC{0,120}",
        bom in any::<bool>(),
        slice in 1usize..64,
    ) {
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(text.as_bytes());
        prop_assert_eq!(in_slices(&bytes, slice).0, decode(&bytes));
    }
}
