#!/usr/bin/env node
// Writes the JSON Schema of one OCSF event class, the way the OCSF server's JSON Schema export
// (`GET /schema/classes/<class>?profiles=<p,...>`, ocsf/ocsf-server lib/schema/json_schema.ex and
// Schema.class_with_referenced_objects_filter_profiles) writes it, from a schema compiled by the
// official OCSF schema compiler (ocsf/ocsf-schema-compiler). The server is not reachable offline and
// needs Elixir; this is the same transformation, so the output is the official schema, not a copy
// written by hand. Keys are sorted so the file is stable.
//
// Usage (see packages/core/src/reports/__fixtures__/README.md for the versions used):
//   python -m ocsf_schema_compiler --ignore-platform-extensions <ocsf-schema checkout> > compiled.json
//   node scripts/ocsf-json-schema.mjs compiled.json compliance_finding cloud > out.schema.json
import { readFileSync } from 'node:fs';

const [compiledFile, className, profileList] = process.argv.slice(2);
if (!compiledFile || !className) {
  process.stderr.write('usage: ocsf-json-schema.mjs <compiled-schema.json> <class name> [profile,profile...]\n');
  process.exit(2);
}
const schema = JSON.parse(readFileSync(compiledFile, 'utf8'));
// Like the server: no `profiles` parameter keeps every attribute; a list keeps the attributes of no
// profile and those of a listed profile.
const profiles = profileList === undefined ? undefined : new Set(profileList.split(',').filter(Boolean));
const dataTypes = schema.dictionary.types.attributes;

const klass = schema.classes[className];
if (!klass) {
  process.stderr.write(`no class '${className}' in ${compiledFile}\n`);
  process.exit(2);
}

const filterByProfiles = (item) => {
  if (!profiles) return item;
  const attributes = Object.fromEntries(
    Object.entries(item.attributes ?? {}).filter(([, a]) => !a.profiles || a.profiles.some((p) => profiles.has(p))),
  );
  return { ...item, attributes };
};

// The objects the class references, followed through every attribute before profile filtering, as
// the server gathers them.
const referenced = new Map();
const gather = (item) => {
  for (const attribute of Object.values(item.attributes ?? {})) {
    const type = attribute.object_type;
    if (type === undefined || referenced.has(type)) continue;
    const object = schema.objects[type];
    referenced.set(type, object);
    gather(object);
  }
};
gather(klass);

const isDataType = (type, base) => type === base || dataTypes[type]?.type === base;
const jsonType = (type) => {
  if (isDataType(type, 'string_t')) return 'string';
  if (isDataType(type, 'integer_t') || isDataType(type, 'long_t')) return 'integer';
  if (isDataType(type, 'float_t')) return 'number';
  if (isDataType(type, 'boolean_t')) return 'boolean';
  return type;
};

const encodeEnum = (property, attribute, type, encode) => {
  if (attribute.enum) {
    const values = Object.keys(attribute.enum).map(encode).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (values.length === 1) property.const = values[0];
    else property.enum = values;
  }
  property.type = type;
  return property;
};

const encodeAttribute = (attribute) => {
  const property = { title: attribute.caption };
  switch (attribute.type) {
    case 'integer_t':
      return encodeEnum(property, attribute, 'integer', (k) => Number.parseInt(k, 10));
    case 'string_t':
      return encodeEnum(property, attribute, 'string', (k) => k);
    case 'object_t':
      property.$ref = `#/$defs/${attribute.object_type.replaceAll('/', '_')}`;
      return property;
    case 'json_t':
      return property;
    default:
      property.type = jsonType(attribute.type);
      return property;
  }
};

const encodeArray = (property) => {
  const { type, enum: values, $ref, ...rest } = property;
  const items = type === undefined ? { $ref } : values === undefined ? { type } : { type, enum: values };
  return { ...rest, type: 'array', items };
};

const encodeItem = (item, isClass) => {
  const justOneOf = item.constraints?.just_one ?? [];
  const atLeastOneOf = item.constraints?.at_least_one ?? [];
  const properties = {};
  const required = [];
  const justOne = [];
  const atLeastOne = [];
  for (const [name, attribute] of Object.entries(item.attributes ?? {})) {
    if (justOneOf.includes(name)) justOne.push(name);
    else if (atLeastOneOf.includes(name)) atLeastOne.push(name);
    else if (attribute.requirement === 'required') required.push(name);
    const property = encodeAttribute(attribute);
    properties[name] = attribute.is_array ? encodeArray(property) : property;
  }
  const out = isClass
    ? { $schema: 'http://json-schema.org/draft-07/schema#', $id: `https://schema.ocsf.io/schema/classes/${item.name}` }
    : {};
  out.title = item.caption;
  out.type = 'object';
  out.properties = properties;
  out.additionalProperties = Object.keys(properties).length === 0;
  if (required.length) out.required = required.sort();
  if (justOne.length) {
    justOne.sort();
    out.oneOf = justOne.map((name) => ({ required: [name], not: { required: justOne.filter((n) => n !== name) } }));
  }
  if (atLeastOne.length) out.anyOf = atLeastOne.sort().map((name) => ({ required: [name] }));
  return out;
};

const result = encodeItem(filterByProfiles(klass), true);
result.$defs = Object.fromEntries(
  [...referenced].map(([name, object]) => [name.replaceAll('/', '_'), encodeItem(filterByProfiles(object), false)]),
);

const sortKeys = (value) => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
};
process.stdout.write(`${JSON.stringify(sortKeys(result), null, 2)}\n`);
