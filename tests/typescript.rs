//! What the code writes for JavaScript against what TypeScript readers are
//! told: every Frame of every view in every language, the downloads and
//! citation effects, and the engine API's answers are checked, value by
//! value, against the declarations `relations typescript` generates. A
//! field written but not declared, declared but not written, or of another
//! type fails here, not in someone's editor.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::rc::Rc;

use relations_card::json::{self, Kind, Value};
use relations_card::query::{Index, Query};
use relations_card::view::{self, Attributes, Card, Format, Msg, View};

/// A TypeScript type, as far as the generated declarations use them.
#[derive(Debug, Clone)]
enum Ts {
    Str,
    Num,
    Bool,
    Null,
    Literal(String),
    Array(Box<Ts>),
    Object(Vec<(String, bool, Ts)>),
    Union(Vec<Ts>),
    /// A declared name, with type arguments.
    Named(String, Vec<Ts>),
    /// A type parameter of the declaration being read.
    Param(String),
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    params: Vec<String>,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.at < self.text.len() && (self.text[self.at] as char).is_whitespace() {
            self.at += 1;
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        self.space();
        if self.text[self.at..].starts_with(token.as_bytes()) {
            self.at += token.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: &str) {
        assert!(
            self.eat(token),
            "expected `{token}` at {:?}",
            String::from_utf8_lossy(&self.text[self.at..(self.at + 40).min(self.text.len())])
        );
    }

    fn word(&mut self) -> String {
        self.space();
        let start = self.at;
        while self.at < self.text.len() && (self.text[self.at].is_ascii_alphanumeric() || self.text[self.at] == b'_') {
            self.at += 1;
        }
        assert!(self.at > start, "expected a name at {}", self.at);
        String::from_utf8_lossy(&self.text[start..self.at]).into_owned()
    }

    fn union(&mut self) -> Ts {
        self.eat("|");
        let mut options = vec![self.postfix()];
        while self.eat("|") {
            options.push(self.postfix());
        }
        if options.len() == 1 {
            options.remove(0)
        } else {
            Ts::Union(options)
        }
    }

    fn postfix(&mut self) -> Ts {
        let mut ty = self.primary();
        while self.eat("[]") {
            ty = Ts::Array(Box::new(ty));
        }
        ty
    }

    fn primary(&mut self) -> Ts {
        if self.eat("(") {
            let inner = self.union();
            self.expect(")");
            return inner;
        }
        if self.eat("{") {
            let mut fields = Vec::new();
            while !self.eat("}") {
                let name = self.word();
                let optional = self.eat("?");
                self.expect(":");
                let ty = self.union();
                fields.push((name, optional, ty));
                self.eat(";");
            }
            return Ts::Object(fields);
        }
        if self.eat("\"") {
            let start = self.at;
            while self.text[self.at] != b'"' {
                self.at += 1;
            }
            self.at += 1;
            return Ts::Literal(String::from_utf8_lossy(&self.text[start..self.at - 1]).into_owned());
        }
        let name = self.word();
        match name.as_str() {
            "string" => Ts::Str,
            "number" => Ts::Num,
            "boolean" => Ts::Bool,
            "null" => Ts::Null,
            _ if self.params.contains(&name) => Ts::Param(name),
            _ => {
                let mut args = Vec::new();
                if self.eat("<") {
                    args.push(self.union());
                    while self.eat(",") {
                        args.push(self.union());
                    }
                    self.expect(">");
                }
                Ts::Named(name, args)
            }
        }
    }
}

/// Each declared name with its type parameters and its type.
fn declarations() -> HashMap<String, (Vec<String>, Ts)> {
    let text = view::typescript();
    let mut out = HashMap::new();
    for chunk in text.split("\nexport ").map(|c| c.trim_start_matches("export ")) {
        let chunk = chunk.trim();
        let (keyword, rest) = match chunk.split_once(' ') {
            Some((k @ ("interface" | "type"), rest)) => (k, rest),
            _ => continue,
        };
        let name_end = rest.find([' ', '<', '=']).unwrap();
        let name = rest[..name_end].to_string();
        let mut parser = Parser { text: rest.as_bytes(), at: name_end, params: Vec::new() };
        if parser.eat("<") {
            let first = parser.word();
            parser.params.push(first);
            while parser.eat(",") {
                let next = parser.word();
                parser.params.push(next);
            }
            parser.expect(">");
        }
        let ty = if keyword == "interface" {
            parser.primary()
        } else {
            parser.expect("=");
            let ty = parser.union();
            parser.expect(";");
            ty
        };
        out.insert(name, (parser.params.clone(), ty));
    }
    out
}

fn check(value: &Value, ty: &Ts, decl: &HashMap<String, (Vec<String>, Ts)>, args: &HashMap<String, Ts>, path: &str) -> Result<(), String> {
    let fail = |what: &str| Err(format!("{path}: {what}, found {}", json::to_string(value).chars().take(120).collect::<String>()));
    match (ty, &value.kind) {
        (Ts::Str, Kind::String(_)) | (Ts::Num, Kind::Number(_)) | (Ts::Bool, Kind::Bool(_)) | (Ts::Null, Kind::Null) => Ok(()),
        (Ts::Literal(text), Kind::String(s)) if s == text => Ok(()),
        (Ts::Array(item), Kind::Array(items)) => {
            items.iter().enumerate().try_for_each(|(i, v)| check(v, item, decl, args, &format!("{path}[{i}]")))
        }
        (Ts::Object(fields), Kind::Object(members)) => {
            for member in members {
                if !fields.iter().any(|(name, _, _)| *name == member.key) {
                    return fail(&format!("`{}` is written but not declared", member.key));
                }
            }
            for (name, optional, field) in fields {
                match members.iter().find(|m| m.key == *name) {
                    Some(member) => check(&member.value, field, decl, args, &format!("{path}.{name}"))?,
                    None if *optional => {}
                    None => return fail(&format!("`{name}` is declared but not written")),
                }
            }
            Ok(())
        }
        (Ts::Union(options), _) => {
            let errors: Vec<String> = options.iter().filter_map(|o| check(value, o, decl, args, path).err()).collect();
            if errors.len() < options.len() {
                Ok(())
            } else {
                // The closest option is the one whose tag matched, if any.
                let tagged =
                    errors.iter().find(|e| !e.contains(".kind:") && !e.contains(".type:") && !e.starts_with(&format!("{path}: `")));
                Err(tagged.cloned().unwrap_or_else(|| errors.join("\n  or ")))
            }
        }
        (Ts::Named(name, type_args), _) => {
            let (params, declared) = decl.get(name).ok_or_else(|| format!("{path}: {name} is not declared"))?;
            let bound: HashMap<String, Ts> = params.iter().cloned().zip(type_args.iter().cloned()).collect();
            check(value, declared, decl, &bound, path)
        }
        (Ts::Param(name), _) => check(value, &args[name], decl, args, path),
        _ => fail(&format!("expected {ty:?}")),
    }
}

fn conforms(written: &impl json::ToJson, name: &str, decl: &HashMap<String, (Vec<String>, Ts)>) {
    let text = json::to_string(written);
    let value = json::parse(&text).unwrap();
    if let Err(error) = check(&value, &Ts::Named(name.to_string(), Vec::new()), decl, &HashMap::new(), name) {
        panic!("what the code writes differs from its declaration:\n{error}");
    }
}

#[test]
fn every_frame_of_every_view_is_what_its_declaration_says() {
    let decl = declarations();
    assert!(decl.len() >= 50, "{}", decl.len());
    let index = Rc::new(Index::new(relations_card::builtin()));
    for locale in ["en", "ru", "fa", "tg"] {
        let attributes = Attributes { partner: Some("ZZ".into()), theme: Some("gossip".into()), ..Attributes::default() };
        let mut card = Card::new(&attributes, locale, true);
        conforms(&card.frame(), "Frame", &decl);
        conforms(&card.show(Rc::clone(&index)), "Frame", &decl);
        let mut send = |msg: Msg| {
            let frame = card.send(&msg, locale, "https://example.org/", "2026-12-01");
            conforms(&frame, "Frame", &decl);
        };
        for view in View::ALL {
            send(Msg::Show { view });
        }
        for code in ["AF", "SCO", "KZ"] {
            send(Msg::OpenPartner { code: code.into() });
            send(Msg::ShowMore);
        }
        send(Msg::Show { view: View::Timeline });
        send(Msg::Search { q: "border".into() });
        send(Msg::SetYears { from: Some(1990), to: Some(1995) });
        send(Msg::Search { q: "zzzzqx".into() });
        send(Msg::Download { format: Format::Csv });
        send(Msg::Download { format: Format::Json });
        send(Msg::Cite);
        let failure = view::Failure { url: "x.json".into(), reason: "invalid".into(), detail: Some("a\nb".into()), ..Default::default() };
        conforms(&Card::new(&Attributes::default(), locale, true).fail(failure), "Frame", &decl);
    }
}

#[test]
fn the_engine_api_answers_are_what_their_declarations_say() {
    let decl = declarations();
    let index = Index::new(relations_card::builtin());
    let en = &view::catalogue::EN;
    let all = view::record::search(&index, &Query::default(), en).unwrap();
    conforms(&all, "Hits", &decl);
    conforms(&view::record::summary(&index, "SCO", en).unwrap(), "Summary", &decl);
    conforms(&view::record::summary(&index, "AF", view::catalogue::for_locale("ru")).unwrap(), "Summary", &decl);
    conforms(&index.facets(&Query::default()).unwrap(), "Facets", &decl);
    conforms(&index.timeline(&Query::default(), 5).unwrap(), "Timeline", &decl);
}

#[test]
fn a_drifted_field_is_caught() {
    let decl = declarations();
    let mut frame = Card::new(&Attributes::default(), "en", false).frame();
    frame.warnings = vec!["w".into()];
    conforms(&frame, "Frame", &decl);
    let text = json::to_string(&frame).replace("\"ready\":", "\"isReady\":");
    let value = json::parse(&text).unwrap();
    let error = check(&value, &Ts::Named("Frame".into(), Vec::new()), &decl, &HashMap::new(), "Frame").unwrap_err();
    assert!(error.contains("`isReady` is written but not declared"), "{error}");
}
