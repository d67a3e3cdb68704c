//! Every word of the card's interface, in one catalogue keyed by locale, with
//! the locale's plural rule, month names and digit grouping. The view model
//! writes its sentences from here and hands the element its labels, so the
//! JavaScript carries no interface text of its own. Dataset text (titles,
//! summaries, names) is not translated: it is the dataset's.
//!
//! To add a locale, add a `Messages` value and a line to [`for_locale`].
//! English, Russian and Persian (right to left) so far; digits stay Latin.

/// Forms of a counted phrase; `{n}` stands for the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    /// Russian "few" (2–4, 22–24…); English uses `many`.
    pub few: &'static str,
    pub many: &'static str,
}

/// Which plural form a number takes in a locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralRule {
    /// one for 1, many otherwise (English).
    OneOther,
    /// one for 1, 21, 31…; few for 2–4, 22–24…; many otherwise (Russian).
    Slavic,
}

/// Declares `Ui` and writes it as JSON from one list of fields and their
/// JavaScript names, so a label added here reaches the element.
macro_rules! ui_labels {
    ($($field:ident => $key:literal),* $(,)?) => {
        /// Labels the element puts on its controls.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Ui {
            $(pub $field: &'static str,)*
        }

        impl Ui {
            /// Every label with its JavaScript name, in declaration order.
            pub fn labels(&self) -> [(&'static str, &'static str); [$($key),*].len()] {
                [$(($key, self.$field)),*]
            }
        }
    };
}

ui_labels! {
    views => "views",
    search_label => "searchLabel",
    search_placeholder => "searchPlaceholder",
    start_again => "startAgain",
    all_partners_back => "allPartnersBack",
    latest_tone => "latestTone",
    key_figures => "keyFigures",
    named_with => "namedWith",
    newest_first => "newestFirst",
    oldest_first => "oldestFirst",
    change_order_newest => "changeOrderNewest",
    change_order_oldest => "changeOrderOldest",
    show_more => "showMore",
    partner => "partner",
    all_partners => "allPartners",
    themes => "themes",
    kinds => "kinds",
    from_year => "fromYear",
    to_year => "toYear",
    earlier => "earlier",
    clear_filters => "clearFilters",
    clear_the_filters => "clearTheFilters",
    download_csv => "downloadCsv",
    download_json => "downloadJson",
    downloaded => "downloaded",
    copy_citation => "copyCitation",
    citation_copied => "citationCopied",
    citation => "citation",
    sources_differ => "sourcesDiffer",
    source => "source",
    sources => "sources",
    with => "with",
    as_of => "asOf",
    cited_by => "citedBy",
    where_sources_differ => "whereSourcesDiffer",
    overview_caption => "overviewCaption",
    could_not_load => "couldNotLoad",
    loading_dataset => "loadingDataset",
    filters => "filters",
    event => "event",
    agreement => "agreement",
    figure => "figure",
    membership => "membership",
    period => "period",
}

/// `{"views": "Views", "searchLabel": …}`: one loop over the labels.
impl crate::json::ToJson for Ui {
    fn write_json(&self, out: &mut crate::json::Writer) {
        out.begin_object();
        for (key, label) in self.labels() {
            out.field(key, label);
        }
        out.end_object();
    }
}

const PERSIAN_MONTHS: [&str; 12] =
    ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"];

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Messages {
    pub locale: &'static str,
    /// Written right to left (Persian, Arabic…).
    pub rtl: bool,
    pub rule: PluralRule,
    pub months: crate::date::Months,
    pub thousands: &'static str,
    /// Between the whole part and the fraction: "12.5", "12,5", "۱۲٫۵".
    pub decimal_mark: &'static str,
    pub ui: Ui,
    pub tabs: [&'static str; 4],
    pub tones: [&'static str; 5],
    pub themes: [&'static str; 14],
    pub events: Plural,
    pub partners: Plural,
    pub sources: Plural,
    pub regions: Plural,
    pub numbers: Plural,
    pub units: Plural,
    pub documents: Plural,
    pub records: Plural,
    pub events_match: Plural,
    pub more_left: Plural,
    /// `{list}`: "Afghanistan 57 (tense), …".
    pub bars_text: &'static str,
    /// `{partners}`, `{regions}`.
    pub overview_said: &'static str,
    /// `{name}`, `{events}`.
    pub partner_said: &'static str,
    /// `{from}`, `{to}`.
    pub from_to: &'static str,
    pub then: &'static str,
    /// Between the items of a list: ", " or "، ".
    pub comma: &'static str,
    /// `{from}`, `{to}`, `{busiest}`.
    pub histogram_text: &'static str,
    pub histogram_none: &'static str,
    /// `{list}`.
    pub histogram_earlier: &'static str,
    /// `{events}`, `{year}`.
    pub events_in_year: &'static str,
    pub empty: &'static str,
    /// `{numbers}`, `{units}`.
    pub figures_said: &'static str,
    /// `{documents}`, `{count}`.
    pub sources_said: &'static str,
    /// `{code}`.
    pub unknown_partner: &'static str,
    /// `{value}`, `{views}`: a `view` attribute the card does not have.
    pub unknown_view: &'static str,
    /// `{value}`, `{themes}`.
    pub unknown_theme: &'static str,
    /// `{name}` (`from` or `to`), `{value}`.
    pub not_a_year: &'static str,
    /// `{what}`, `{url}`, `{today}`.
    pub citation_head: &'static str,
    /// `{date}`.
    pub citation_as_of: &'static str,
    pub about: &'static str,
    pub or: &'static str,
    pub date_unknown: &'static str,
    pub circa: &'static str,
    pub kinds_plural: [&'static str; 2],
    /// `{name}`: a membership's title.
    pub member_of: &'static str,
    /// `{subject}`, `{name}`, `{date}`.
    pub joined: &'static str,
    /// `{subject}`, `{name}`.
    pub member_since_unknown: &'static str,
    /// `{url}`, `{detail}`: the browser could not fetch a dataset.
    pub fetch_failed: &'static str,
    /// `{url}`, `{status}`.
    pub http_failed: &'static str,
    /// `{url}`, `{size}`, `{limit}` (megabytes).
    pub too_large: &'static str,
    /// `{url}`.
    pub invalid_dataset: &'static str,
    /// `{n}`: after the first problems of a dataset.
    pub and_more: &'static str,
    /// A view whose question the dataset cannot answer.
    pub cannot_show: &'static str,
}

impl Messages {
    /// "12 events", "1 event", "5 событий".
    pub fn count(&self, n: usize, forms: Plural) -> String {
        let form = match self.rule {
            PluralRule::OneOther => {
                if n == 1 {
                    forms.one
                } else {
                    forms.many
                }
            }
            PluralRule::Slavic => {
                let (last, last_two) = (n % 10, n % 100);
                if last == 1 && last_two != 11 {
                    forms.one
                } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                    forms.few
                } else {
                    forms.many
                }
            }
        };
        form.replace("{n}", &self.number(n as i64))
    }

    /// A whole number with the locale's digit grouping (years are not grouped).
    pub fn number(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
                out.push_str(self.thousands);
            }
            out.push(c);
        }
        if n < 0 {
            format!("-{out}")
        } else {
            out
        }
    }

    pub fn tone(&self, tone: crate::model::Tone) -> &'static str {
        self.tones[tone as usize]
    }

    /// A record kind's name: "Event", "Agreement"…
    pub fn kind(&self, kind: crate::query::RecordKind) -> &'static str {
        use crate::query::RecordKind;
        match kind {
            RecordKind::Event => self.ui.event,
            RecordKind::Agreement => self.ui.agreement,
            RecordKind::Figure => self.ui.figure,
            RecordKind::Membership => self.ui.membership,
            RecordKind::Period => self.ui.period,
        }
    }

    pub fn theme(&self, theme: crate::model::Theme) -> &'static str {
        let at = crate::model::Theme::ALL.iter().position(|t| *t == theme).unwrap_or(0);
        self.themes[at]
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

const fn plural(one: &'static str, few: &'static str, many: &'static str) -> Plural {
    Plural { one, few, many }
}

pub const EN: Messages = Messages {
    locale: "en",
    rtl: false,
    rule: PluralRule::OneOther,
    months: crate::date::ENGLISH_MONTHS,
    thousands: ",",
    decimal_mark: ".",
    ui: Ui {
        views: "Views",
        search_label: "Search events",
        search_placeholder: "Search events, e.g. border, Panj, Иран",
        start_again: "Start again",
        all_partners_back: "← All partners",
        latest_tone: "latest tone",
        key_figures: "Key figures",
        named_with: "Named together with",
        newest_first: "Newest first",
        oldest_first: "Oldest first",
        change_order_newest: "Order: newest first. Change order",
        change_order_oldest: "Order: oldest first. Change order",
        show_more: "Show more",
        partner: "Partner",
        all_partners: "All partners",
        themes: "Themes",
        kinds: "Kinds",
        from_year: "From year",
        to_year: "To year",
        earlier: "Earlier",
        clear_filters: "Clear filters",
        clear_the_filters: "Clear the filters",
        download_csv: "Download CSV",
        download_json: "Download JSON",
        downloaded: "Downloaded",
        copy_citation: "Copy citation",
        citation_copied: "Citation copied",
        citation: "Citation",
        sources_differ: "Sources differ",
        source: "Source",
        sources: "Sources",
        with: "With",
        as_of: "as of",
        cited_by: "Cited by",
        where_sources_differ: "Where the sources differ",
        overview_caption:
            "Events per partner, coloured by the tone of the latest period the sources describe; grey where they describe none.",
        could_not_load: "This card could not load its data",
        loading_dataset: "Loading the dataset…",
        filters: "Filters",
        event: "Event",
        agreement: "Agreement",
        figure: "Figure",
        membership: "Membership",
        period: "Period",
    },
    tabs: ["Partners", "Timeline", "Figures", "Sources"],
    tones: ["hostile", "tense", "mixed", "cordial", "close"],
    themes: [
        "Diplomacy",
        "Security",
        "Military",
        "Borders",
        "Trade",
        "Energy",
        "Water",
        "Transport",
        "Investment",
        "Aid",
        "Culture",
        "Religion",
        "Refugees",
        "Drugs",
    ],
    events: plural("{n} event", "{n} events", "{n} events"),
    partners: plural("{n} partner", "{n} partners", "{n} partners"),
    sources: plural("{n} source", "{n} sources", "{n} sources"),
    regions: plural("{n} region", "{n} regions", "{n} regions"),
    numbers: plural("{n} number", "{n} numbers", "{n} numbers"),
    units: plural("{n} unit", "{n} units", "{n} units"),
    documents: plural("{n} document", "{n} documents", "{n} documents"),
    records: plural("{n} record", "{n} records", "{n} records"),
    events_match: plural("{n} event matches", "{n} events match", "{n} events match"),
    more_left: plural("{n} left", "{n} left", "{n} left"),
    bars_text: "Events per partner, most first: {list}.",
    overview_said: "Overview: {partners} in {regions}",
    partner_said: "{name}: {events}",
    from_to: "from {from} to {to}",
    then: ", then ",
    comma: ", ",
    histogram_text: "Events per year from {from} to {to}; busiest years: {busiest}.",
    histogram_none: "No events to count.",
    histogram_earlier: " Earlier: {list}.",
    events_in_year: "{events} in {year}",
    empty: "No events match — clear the filters to see them all.",
    figures_said: "Figures: {numbers} in {units}",
    sources_said: "Sources: {documents}, {count} where they differ",
    unknown_partner: "There is no partner “{code}” in this dataset; showing all partners.",
    unknown_view: "This card has no view “{value}” (it has {views}); showing the first one.",
    unknown_theme: "“{value}” is not one of this card’s themes ({themes}); it is left out.",
    not_a_year: "The {name} attribute “{value}” is not a year (such as 1992); it is ignored.",
    citation_head: "{what}. Interactive card (relations-card), {url}, accessed {today}.\nSources:",
    citation_as_of: "As of {date}.",
    about: "about",
    or: "or",
    date_unknown: "date unknown",
    circa: "c.",
    kinds_plural: ["Events", "Agreements"],
    member_of: "Member of {name}",
    joined: "{subject} joined {name} in {date}.",
    member_since_unknown: "{subject} is a member of {name}; the sources give no joining date.",
    fetch_failed: "could not fetch {url}: {detail}",
    http_failed: "could not fetch {url}: HTTP {status}",
    too_large: "{url} is {size} MB; this card reads datasets of at most {limit} MB",
    invalid_dataset: "{url} is not a valid dataset",
    and_more: "… and {n} more",
    cannot_show: "This view cannot be shown for this dataset.",
};

pub const RU: Messages = Messages {
    locale: "ru",
    rtl: false,
    rule: PluralRule::Slavic,
    months: crate::date::Months {
        with_day: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
        alone: ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
    },
    thousands: "\u{a0}",
    decimal_mark: ",",
    ui: Ui {
        views: "Разделы",
        search_label: "Поиск событий",
        search_placeholder: "Поиск, например: граница, Пяндж, Iran",
        start_again: "Начать заново",
        all_partners_back: "← Все партнёры",
        latest_tone: "последний тон",
        key_figures: "Ключевые цифры",
        named_with: "Упоминается вместе с",
        newest_first: "Сначала новые",
        oldest_first: "Сначала старые",
        change_order_newest: "Порядок: сначала новые. Изменить порядок",
        change_order_oldest: "Порядок: сначала старые. Изменить порядок",
        show_more: "Показать ещё",
        partner: "Партнёр",
        all_partners: "Все партнёры",
        themes: "Темы",
        kinds: "Виды",
        from_year: "С года",
        to_year: "По год",
        earlier: "Раньше",
        clear_filters: "Сбросить фильтры",
        clear_the_filters: "Сбросить фильтры",
        download_csv: "Скачать CSV",
        download_json: "Скачать JSON",
        downloaded: "Скачано",
        copy_citation: "Скопировать ссылку на источник",
        citation_copied: "Ссылка скопирована",
        citation: "Ссылка на источник",
        sources_differ: "Источники расходятся",
        source: "Источник",
        sources: "Источники",
        with: "Вместе с",
        as_of: "по состоянию на",
        cited_by: "Ссылок",
        where_sources_differ: "Где источники расходятся",
        overview_caption: "События по партнёрам; цвет — тон последнего периода, описанного в источниках, серый — если его нет.",
        could_not_load: "Карточке не удалось загрузить данные",
        loading_dataset: "Загрузка данных…",
        filters: "Фильтры",
        event: "Событие",
        agreement: "Соглашение",
        figure: "Цифра",
        membership: "Членство",
        period: "Период",
    },
    tabs: ["Партнёры", "Хронология", "Цифры", "Источники"],
    tones: ["враждебный", "напряжённый", "смешанный", "дружественный", "тесный"],
    themes: [
        "Дипломатия",
        "Безопасность",
        "Военное дело",
        "Границы",
        "Торговля",
        "Энергетика",
        "Вода",
        "Транспорт",
        "Инвестиции",
        "Помощь",
        "Культура",
        "Религия",
        "Беженцы",
        "Наркотики",
    ],
    events: plural("{n} событие", "{n} события", "{n} событий"),
    partners: plural("{n} партнёр", "{n} партнёра", "{n} партнёров"),
    sources: plural("{n} источник", "{n} источника", "{n} источников"),
    regions: plural("{n} регионе", "{n} регионах", "{n} регионах"),
    numbers: plural("{n} цифра", "{n} цифры", "{n} цифр"),
    units: plural("{n} единице", "{n} единицах", "{n} единицах"),
    documents: plural("{n} документ", "{n} документа", "{n} документов"),
    records: plural("{n}", "{n}", "{n}"),
    events_match: plural("Найдено {n} событие", "Найдено {n} события", "Найдено {n} событий"),
    more_left: plural("осталось {n}", "осталось {n}", "осталось {n}"),
    bars_text: "События по партнёрам, по убыванию: {list}.",
    overview_said: "Обзор: {partners} в {regions}",
    partner_said: "{name}: {events}",
    from_to: "с {from} по {to}",
    then: ", затем ",
    comma: ", ",
    histogram_text: "События по годам с {from} по {to}; больше всего: {busiest}.",
    histogram_none: "Нет событий.",
    histogram_earlier: " Раньше: {list}.",
    events_in_year: "{events} в {year}",
    empty: "Ничего не найдено — сбросьте фильтры, чтобы увидеть все события.",
    figures_said: "Цифры: {numbers} в {units}",
    sources_said: "Источники: {documents}, расхождений: {count}",
    unknown_partner: "Партнёра «{code}» нет в этих данных; показаны все партнёры.",
    unknown_view: "В карточке нет вида «{value}» (есть {views}); показан первый.",
    unknown_theme: "«{value}» — не тема этой карточки ({themes}); она пропущена.",
    not_a_year: "Атрибут {name} «{value}» — не год (например, 1992); он не учтён.",
    citation_head: "{what}. Интерактивная карточка (relations-card), {url}, дата обращения: {today}.\nИсточники:",
    citation_as_of: "По состоянию на {date}.",
    about: "около",
    or: "или",
    date_unknown: "дата неизвестна",
    circa: "ок.",
    kinds_plural: ["События", "Соглашения"],
    member_of: "Членство: {name}",
    joined: "{subject} — член {name}; дата вступления: {date}.",
    member_since_unknown: "{subject} — член {name}; источники не называют дату вступления.",
    fetch_failed: "не удалось загрузить {url}: {detail}",
    http_failed: "не удалось загрузить {url}: HTTP {status}",
    too_large: "{url} занимает {size} МБ; карточка читает данные не больше {limit} МБ",
    invalid_dataset: "{url} — неверный набор данных",
    and_more: "… и ещё {n}",
    cannot_show: "Этот раздел нельзя показать для этих данных.",
};

pub const FA: Messages = Messages {
    locale: "fa",
    rtl: true,
    rule: PluralRule::OneOther,
    months: crate::date::Months { with_day: PERSIAN_MONTHS, alone: PERSIAN_MONTHS },
    thousands: "٬",
    decimal_mark: "٫",
    ui: Ui {
        views: "نماها",
        search_label: "جست‌وجوی رویدادها",
        search_placeholder: "جست‌وجو، مثلاً مرز، پنج، Iran",
        start_again: "از نو",
        all_partners_back: "→ همهٔ شرکا",
        latest_tone: "آخرین لحن",
        key_figures: "ارقام کلیدی",
        named_with: "همراه با",
        newest_first: "تازه‌ترین‌ها نخست",
        oldest_first: "قدیمی‌ترین‌ها نخست",
        change_order_newest: "ترتیب: تازه‌ترین‌ها نخست. تغییر ترتیب",
        change_order_oldest: "ترتیب: قدیمی‌ترین‌ها نخست. تغییر ترتیب",
        show_more: "نمایش بیشتر",
        partner: "شریک",
        all_partners: "همهٔ شرکا",
        themes: "موضوع‌ها",
        kinds: "گونه‌ها",
        from_year: "از سال",
        to_year: "تا سال",
        earlier: "پیش‌تر",
        clear_filters: "پاک کردن پالایه‌ها",
        clear_the_filters: "پاک کردن پالایه‌ها",
        download_csv: "دریافت CSV",
        download_json: "دریافت JSON",
        downloaded: "دریافت شد",
        copy_citation: "رونوشت ارجاع",
        citation_copied: "ارجاع رونوشت شد",
        citation: "ارجاع",
        sources_differ: "منابع اختلاف دارند",
        source: "منبع",
        sources: "منابع",
        with: "همراه با",
        as_of: "به تاریخ",
        cited_by: "شمار ارجاع‌ها",
        where_sources_differ: "جاهایی که منابع اختلاف دارند",
        overview_caption: "رویدادها بر پایهٔ شریک؛ رنگ، لحن آخرین دوره‌ای است که منابع توصیف می‌کنند؛ خاکستری اگر توصیفی نیست.",
        could_not_load: "این کارت نتوانست داده‌هایش را بارگیری کند",
        loading_dataset: "در حال بارگیری داده‌ها…",
        filters: "پالایه‌ها",
        event: "رویداد",
        agreement: "توافق",
        figure: "رقم",
        membership: "عضویت",
        period: "دوره",
    },
    tabs: ["شرکا", "گاه‌شمار", "ارقام", "منابع"],
    tones: ["خصمانه", "پرتنش", "آمیخته", "دوستانه", "نزدیک"],
    themes: [
        "دیپلماسی",
        "امنیت",
        "نظامی",
        "مرزها",
        "تجارت",
        "انرژی",
        "آب",
        "ترابری",
        "سرمایه‌گذاری",
        "کمک",
        "فرهنگ",
        "دین",
        "پناهندگان",
        "مواد مخدر",
    ],
    events: plural("{n} رویداد", "{n} رویداد", "{n} رویداد"),
    partners: plural("{n} شریک", "{n} شریک", "{n} شریک"),
    sources: plural("{n} منبع", "{n} منبع", "{n} منبع"),
    regions: plural("{n} منطقه", "{n} منطقه", "{n} منطقه"),
    numbers: plural("{n} رقم", "{n} رقم", "{n} رقم"),
    units: plural("{n} واحد", "{n} واحد", "{n} واحد"),
    documents: plural("{n} سند", "{n} سند", "{n} سند"),
    records: plural("{n}", "{n}", "{n}"),
    events_match: plural("{n} رویداد یافت شد", "{n} رویداد یافت شد", "{n} رویداد یافت شد"),
    more_left: plural("{n} مانده", "{n} مانده", "{n} مانده"),
    bars_text: "رویدادها بر پایهٔ شریک، از بیشترین: {list}.",
    overview_said: "نمای کلی: {partners} در {regions}",
    partner_said: "{name}: {events}",
    from_to: "از {from} تا {to}",
    then: "، سپس ",
    comma: "، ",
    histogram_text: "رویدادها در هر سال از {from} تا {to}؛ پررویدادترین سال‌ها: {busiest}.",
    histogram_none: "رویدادی برای شمارش نیست.",
    histogram_earlier: " پیش‌تر: {list}.",
    events_in_year: "{events} در {year}",
    empty: "هیچ رویدادی یافت نشد — برای دیدن همه، پالایه‌ها را پاک کنید.",
    figures_said: "ارقام: {numbers} در {units}",
    sources_said: "منابع: {documents}، {count} مورد اختلاف",
    unknown_partner: "شریکی با کد «{code}» در این داده‌ها نیست؛ همهٔ شرکا نشان داده شده‌اند.",
    unknown_view: "این کارت نمای «{value}» ندارد (نماها: {views})؛ نمای نخست نشان داده شده است.",
    unknown_theme: "«{value}» از موضوع‌های این کارت نیست ({themes})؛ کنار گذاشته شد.",
    not_a_year: "مقدار «{value}» برای ویژگی {name} سال نیست (مانند 1992)؛ نادیده گرفته شد.",
    citation_head: "{what}. کارت تعاملی (relations-card)، {url}، دسترسی در {today}.\nمنابع:",
    citation_as_of: "به تاریخ {date}.",
    about: "حدود",
    or: "یا",
    date_unknown: "تاریخ نامعلوم",
    circa: "حدود",
    kinds_plural: ["رویدادها", "توافق‌ها"],
    member_of: "عضویت: {name}",
    joined: "{subject} عضو {name} است؛ تاریخ پیوستن: {date}.",
    member_since_unknown: "{subject} عضو {name} است؛ منابع تاریخ پیوستن را نمی‌گویند.",
    fetch_failed: "بارگیری {url} ممکن نشد: {detail}",
    http_failed: "بارگیری {url} ممکن نشد: HTTP {status}",
    too_large: "{url} {size} مگابایت است؛ این کارت داده‌هایی تا {limit} مگابایت را می‌خواند",
    invalid_dataset: "{url} مجموعه‌دادهٔ معتبری نیست",
    and_more: "… و {n} مورد دیگر",
    cannot_show: "این نما برای این داده‌ها نشان‌دادنی نیست.",
};

/// The catalogue for a BCP 47 language tag (`en`, `ru-RU`…); English when
/// the language has none.
pub fn for_locale(tag: &str) -> &'static Messages {
    let language = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match language.as_str() {
        "ru" => &RU,
        "fa" | "prs" => &FA,
        _ => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_months_take_the_genitive_only_after_a_day() {
        let label = |text: &str| text.parse::<crate::date::DateSpec>().unwrap().label_in(&RU.months, RU.circa);
        assert_eq!(label("2007-01"), "январь 2007");
        assert_eq!(label("2007-09-12"), "12 сентября 2007");
        assert_eq!(label("2007-01/2007-03"), "январь–март 2007");
        assert_eq!(label("2007-09-12/2007-09-13"), "12–13 сентября 2007");
        assert_eq!(label("1992-10/1993-03-05"), "октябрь 1992 – 5 марта 1993");
    }

    #[test]
    fn plural_forms_follow_the_locale() {
        assert_eq!(EN.count(1, EN.events), "1 event");
        assert_eq!(EN.count(57, EN.events), "57 events");
        assert_eq!(RU.count(1, RU.events), "1 событие");
        assert_eq!(RU.count(3, RU.events), "3 события");
        assert_eq!(RU.count(11, RU.events), "11 событий");
        assert_eq!(RU.count(22, RU.events), "22 события");
        assert_eq!(RU.count(57, RU.events), "57 событий");
        assert_eq!(EN.count(12500, EN.events), "12,500 events");
        assert_eq!(RU.count(12500, RU.events), "12\u{a0}500 событий");
        assert_eq!(EN.number(2024), "2024", "four digits stay together");
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(for_locale("ru-RU").locale, "ru");
        assert_eq!(for_locale("tg").locale, "en");
        assert_eq!(for_locale("fa-AF").locale, "fa");
        assert!(for_locale("fa").rtl && !for_locale("en").rtl);
        assert_eq!(for_locale("").locale, "en");
    }

    #[test]
    fn every_locale_fills_every_slot() {
        for messages in [&EN, &RU, &FA] {
            let text = crate::json::to_string(&messages.ui);
            let ui = crate::json::parse(&text).unwrap();
            let labels = ui.members().unwrap();
            assert_eq!(labels.len(), messages.ui.labels().len());
            for label in labels {
                assert!(!label.value.as_str().unwrap().is_empty(), "{} ui.{}", messages.locale, label.key);
            }
            assert!(messages.tabs.iter().chain(&messages.tones).chain(&messages.themes).all(|s| !s.is_empty()));
        }
    }
}
