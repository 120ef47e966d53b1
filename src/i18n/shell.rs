//! The texts of the page's frame: header, navigation, banners and notices.

crate::texts! {
    pub enum ShellText {
        Language => "Language", "表示言語";
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::ShellText>();
    }
}
