//! Fingerprints: FNV-1a over a value's canonical JSON, the compact form with
//! every object's keys sorted that a `serde_json::Value` writes. Files carry
//! them as stamps, so the bytes hashed must never change.
//!
//! The JSON is written straight from the fields into the hash, each object's
//! fields buffered only to be put in order: building a `Value` first, as the
//! form was defined, was most of an export's time in a large plan (tens of
//! thousands of items, each a tree of allocated keys and strings).

use serde::ser::{self, Serialize};
use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

type Error = serde_json::Error;

/// FNV-1a of `content`'s canonical JSON, in hex.
pub fn fingerprint(content: &impl Serialize) -> String {
    let mut json = Vec::with_capacity(256);
    // Writing plain data to memory cannot fail.
    let _ = content.serialize(Canonical(&mut json));
    let hash = json.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Writes what it is given as canonical JSON. Scalars are written by
/// serde_json itself, so numbers and strings come out as a `Value` has them.
/// One kind of output only: each writer type would be another copy of the
/// serializer for every type of the plan in the bundle.
struct Canonical<'w>(&'w mut Vec<u8>);

impl<'w> Canonical<'w> {
    fn json(self) -> serde_json::Serializer<&'w mut Vec<u8>> {
        serde_json::Serializer::new(self.0)
    }

    fn raw(self, text: &str) -> &'w mut Vec<u8> {
        self.0.extend_from_slice(text.as_bytes());
        self.0
    }

    /// `{"variant":`, which a value and a `}` follow.
    fn open_variant(self, variant: &str) -> Result<&'w mut Vec<u8>, Error> {
        let out = self.raw("{");
        serde_json::to_writer(&mut *out, variant)?;
        Ok(Canonical(out).raw(":"))
    }
}

macro_rules! as_serde_json_writes_it {
    ($($method:ident($type:ty)),* $(,)?) => {
        $(fn $method(self, value: $type) -> Result<(), Error> {
            ser::Serializer::$method(&mut self.json(), value)
        })*
    };
}

impl<'w> ser::Serializer for Canonical<'w> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Array<'w>;
    type SerializeTuple = Array<'w>;
    type SerializeTupleStruct = Array<'w>;
    type SerializeTupleVariant = Array<'w>;
    type SerializeMap = Object<'w>;
    type SerializeStruct = Object<'w>;
    type SerializeStructVariant = Object<'w>;

    as_serde_json_writes_it!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
    );

    /// A `Value` holds an `f32` as the `f64` it converts to.
    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        self.serialize_f64(value.into())
    }

    /// A `Value` holds bytes as an array of numbers.
    fn serialize_bytes(self, bytes: &[u8]) -> Result<(), Error> {
        ser::Serializer::collect_seq(self, bytes)
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.raw("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let out = self.open_variant(variant)?;
        value.serialize(Canonical(&mut *out))?;
        Canonical(out).raw("}");
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Array<'w>, Error> {
        Ok(Array::new(self.raw("["), "]"))
    }

    fn serialize_tuple(self, len: usize) -> Result<Array<'w>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Array<'w>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Array<'w>, Error> {
        let out = self.open_variant(variant)?;
        Ok(Array::new(Canonical(out).raw("["), "]}"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Object<'w>, Error> {
        Ok(Object::new(self.0, "}"))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object<'w>, Error> {
        Ok(Object::new(self.0, "}"))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Object<'w>, Error> {
        Ok(Object::new(self.open_variant(variant)?, "}}"))
    }
}

/// An array being written: elements go straight out, comma-separated.
struct Array<'w> {
    out: &'w mut Vec<u8>,
    empty: bool,
    close: &'static str,
}

impl<'w> Array<'w> {
    /// After its `[`: `close` ends it.
    fn new(out: &'w mut Vec<u8>, close: &'static str) -> Self {
        Array {
            out,
            empty: true,
            close,
        }
    }

    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        if !std::mem::take(&mut self.empty) {
            self.out.push(b',');
        }
        value.serialize(Canonical(&mut *self.out))
    }

    fn close(self) -> Result<(), Error> {
        self.out.extend_from_slice(self.close.as_bytes());
        Ok(())
    }
}

/// Serde's four kinds of sequence, all written as an array.
macro_rules! written_as_array {
    ($($kind:ident::$add:ident),*) => {
        $(impl ser::$kind for Array<'_> {
            type Ok = ();
            type Error = Error;
            fn $add<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        })*
    };
}

written_as_array!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// An object being written: its values are written to one buffer as they
/// come, and written out by key once all are there.
struct Object<'w> {
    out: &'w mut Vec<u8>,
    values: Vec<u8>,
    entries: Vec<Entry>,
    close: &'static str,
}

/// A key and where its value is in the object's buffer.
type Entry = (Cow<'static, str>, Range<usize>);

thread_local! {
    /// Buffers of objects written before, one per depth of nesting: a plan's
    /// items hold tens of thousands of objects, each of which would otherwise
    /// allocate its own.
    static SPARE: RefCell<Vec<(Vec<u8>, Vec<Entry>)>> = const { RefCell::new(Vec::new()) };
}

impl<'w> Object<'w> {
    fn new(out: &'w mut Vec<u8>, close: &'static str) -> Self {
        let (values, entries) = SPARE.with_borrow_mut(Vec::pop).unwrap_or_default();
        Object {
            out,
            values,
            entries,
            close,
        }
    }

    fn entry<T: ?Sized + Serialize>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Error> {
        let start = self.values.len();
        value.serialize(Canonical(&mut self.values))?;
        self.entries.push((key, start..self.values.len()));
        Ok(())
    }

    fn close(mut self) -> Result<(), Error> {
        self.write_out()
    }

    fn write_out(&mut self) -> Result<(), Error> {
        // Stable: of equal keys the last is last, and the one a `Value` keeps.
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        let out = &mut *self.out;
        out.push(b'{');
        let mut first = true;
        for (i, (key, range)) in self.entries.iter().enumerate() {
            if self.entries.get(i + 1).is_some_and(|next| next.0 == *key) {
                continue;
            }
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            write_key(out, key)?;
            out.extend_from_slice(&self.values[range.clone()]);
        }
        out.extend_from_slice(self.close.as_bytes());
        Ok(())
    }
}

impl Drop for Object<'_> {
    fn drop(&mut self) {
        let (mut values, mut entries) = (
            std::mem::take(&mut self.values),
            std::mem::take(&mut self.entries),
        );
        values.clear();
        entries.clear();
        SPARE.with_borrow_mut(|spare| spare.push((values, entries)));
    }
}

/// A key in quotes and a colon. Keys that need no escaping (a struct's
/// field names) are written as they are: most of what an item is made of.
fn write_key(out: &mut Vec<u8>, key: &str) -> Result<(), Error> {
    if key.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
    } else {
        serde_json::to_writer(&mut *out, key)?;
        out.push(b':');
    }
    Ok(())
}

/// A map's key as a `Value` has it: a string, or a number or bool written as one.
fn key_text<T: ?Sized + Serialize>(key: &T) -> Result<String, Error> {
    match serde_json::to_value(key)? {
        serde_json::Value::String(text) => Ok(text),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        _ => Err(ser::Error::custom("a map key must be a string")),
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        // The value follows: held as an entry with no value yet.
        let start = self.values.len();
        self.entries.push((key_text(key)?.into(), start..start));
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let start = self.values.len();
        value.serialize(Canonical(&mut self.values))?;
        let end = self.values.len();
        match self.entries.last_mut() {
            Some((_, range)) => *range = start..end,
            None => return Err(ser::Error::custom("a map value without a key")),
        }
        Ok(())
    }
    fn serialize_entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), Error> {
        self.entry(key_text(key)?.into(), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// Serde's two kinds of struct, both written as an object.
macro_rules! written_as_object {
    ($($kind:ident),*) => {
        $(impl ser::$kind for Object<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.entry(key.into(), value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        })*
    };
}

written_as_object!(SerializeStruct, SerializeStructVariant);
