//! The texts of the bands part of the planner.

crate::texts! {
    pub enum BandsText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::BandsText>();
    }
}
