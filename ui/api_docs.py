"""GET /api/docs: the API reference as one HTML page rendered here from /api/openapi.json.

Swagger UI and ReDoc load their scripts from a CDN, and no package in this environment ships
their files; the servers this runs on have no internet. So the page is built on the server from
the same spec (one source of truth), needs no JavaScript, and shows routes, parameters, bodies,
responses and every schema, with links between them.
"""
from __future__ import annotations

import json
from html import escape

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse

STYLE = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{margin-top:2.5rem;border-bottom:1px solid #ddd}h3{margin-bottom:.3rem}code,pre{background:#f4f4f4;padding:0 .2rem}
pre{padding:.6rem;overflow-x:auto}table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #ddd;
padding:.2rem .5rem;text-align:left;vertical-align:top}.m{font-weight:bold;color:#06c}.r{color:#a00}"""


def add_docs(router: APIRouter, app: FastAPI) -> None:
    """Register GET /docs on the /api router (before its catch-all, which then answers 405 for POST)."""

    @router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs():
        return HTMLResponse(render(app.openapi()))


def render(spec: dict) -> str:
    """The whole reference page for an OpenAPI 3 document."""
    info = spec.get("info", {})
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(info.get('title', 'API'))} API</title>",
             f"<style>{STYLE}</style></head><body><h1>{escape(info.get('title', 'API'))} "
             f"<small>{escape(str(info.get('version', '')))}</small></h1>",
             "<p>Send <code>Authorization: Bearer TOKEN</code> when the server has a token "
             "(READOUTS_API_TOKEN). The machine-readable spec is <a href='/api/openapi.json'>/api/openapi.json</a>. "
             "Errors of /api/* are <code>{\"error\": \"message naming the field\"}</code>; "
             "/v1/* answers in OpenAI's error shape.</p><h2>Routes</h2><ul>"]
    operations = [(path, method, op) for path, item in spec.get("paths", {}).items() for method, op in item.items()]
    parts += [f"<li><a href='#{_anchor(m, p)}'><span class='m'>{m.upper()}</span> {escape(p)}</a></li>"
              for p, m, _ in operations]
    parts.append("</ul>")
    for path, method, op in operations:
        parts.append(_operation(path, method, op))
    parts.append("<h2>Schemas</h2>")
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        parts.append(_schema(name, schema))
    parts.append("</body></html>")
    return "\n".join(parts)


def _anchor(method: str, path: str) -> str:
    return escape(f"{method}-{path}".replace("/", "_").replace("{", "").replace("}", ""))


def _operation(path: str, method: str, op: dict) -> str:
    out = [f"<h2 id='{_anchor(method, path)}'><span class='m'>{method.upper()}</span> <code>{escape(path)}</code></h2>"]
    if op.get("description") or op.get("summary"):
        out.append(f"<p>{escape(op.get('description') or op.get('summary'))}</p>")
    params = op.get("parameters", [])
    if params:
        out.append("<h3>Parameters</h3><table><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr>")
        for p in params:
            required = " <span class='r'>required</span>" if p.get("required") else ""
            out.append(f"<tr><td><code>{escape(p['name'])}</code>{required}</td><td>{escape(p.get('in', ''))}</td>"
                       f"<td>{_type(p.get('schema', {}))}</td><td>{escape(p.get('description', ''))}</td></tr>")
        out.append("</table>")
    body = op.get("requestBody", {}).get("content", {})
    for media, content in body.items():
        out.append(f"<h3>Body ({escape(media)})</h3><p>{_type(content.get('schema', {}))}</p>")
    out.append("<h3>Responses</h3><table><tr><th>status</th><th>body</th><th>description</th></tr>")
    for status, response in op.get("responses", {}).items():
        shapes = "<br>".join(f"{escape(media)}: {_type(c.get('schema', {}))}"
                             for media, c in response.get("content", {}).items())
        out.append(f"<tr><td>{escape(status)}</td><td>{shapes}</td><td>{escape(response.get('description', ''))}</td></tr>")
    out.append("</table>")
    return "\n".join(out)


def _schema(name: str, schema: dict) -> str:
    out = [f"<h3 id='schema-{escape(name)}'>{escape(name)}</h3>"]
    if schema.get("description"):
        out.append(f"<p>{escape(schema['description'])}</p>")
    properties = schema.get("properties")
    if not properties:
        out.append(f"<p>{_type(schema)}</p>")
        return "\n".join(out)
    closed = schema.get("additionalProperties") is False
    out.append(f"<p>object{'; no other fields are accepted' if closed else ''}</p>")
    out.append("<table><tr><th>field</th><th>type</th><th>description</th></tr>")
    required = set(schema.get("required", []))
    for field, sub in properties.items():
        mark = " <span class='r'>required</span>" if field in required else ""
        limits = ", ".join(f"{k} {json.dumps(sub[k])}" for k in ("minimum", "maximum", "minLength", "maxLength", "default")
                           if k in sub)
        note = escape(sub.get("description", "")) + (f" <small>({escape(limits)})</small>" if limits else "")
        out.append(f"<tr><td><code>{escape(field)}</code>{mark}</td><td>{_type(sub)}</td><td>{note}</td></tr>")
    out.append("</table>")
    return "\n".join(out)


def _type(schema: dict) -> str:
    """A schema in a few words, with links to named schemas."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"<a href='#schema-{escape(name)}'>{escape(name)}</a>"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " | ".join(_type(s) for s in schema[key])
    if "const" in schema:
        return f"<code>{escape(json.dumps(schema['const']))}</code>"
    if "enum" in schema:
        return " | ".join(f"<code>{escape(json.dumps(v))}</code>" for v in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"object of {_type(schema['additionalProperties'])}"
    return escape(str(kind))
