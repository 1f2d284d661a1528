//! Three-way merges of edits: a form that met a colleague's save, a manager's proposal
//! applied over a listing staff changed since.

/// A three-way merge of a form that met a colleague's save: the fields this user left as they
/// were read (`base`) take the saved value; the ones they changed keep what they typed. `None`
/// when the base is missing or unreadable (then every field keeps what was typed).
pub fn merge_edits<T>(typed: &T, base: &str, saved: &T) -> Option<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    use serde_json::Value;
    let same = |a: Option<&Value>, b: Option<&Value>| match (a, b) {
        (Some(Value::String(a)), Some(Value::String(b))) => {
            a.replace("\r\n", "\n").trim() == b.replace("\r\n", "\n").trim()
        }
        (a, b) => a.unwrap_or(&Value::Null) == b.unwrap_or(&Value::Null),
    };
    let (Ok(Value::Object(typed)), Ok(Value::Object(base)), Ok(Value::Object(saved))) = (
        serde_json::to_value(typed),
        serde_json::from_str::<Value>(base),
        serde_json::to_value(saved),
    ) else {
        return None;
    };
    let merged: serde_json::Map<String, Value> = typed
        .iter()
        .map(|(key, mine)| {
            let value = if same(Some(mine), base.get(key)) {
                saved.get(key).cloned().unwrap_or(Value::Null)
            } else {
                mine.clone()
            };
            (key.clone(), value)
        })
        .collect();
    serde_json::from_value(Value::Object(merged)).ok()
}
