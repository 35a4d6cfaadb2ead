// Pure helpers of the schema forms: reading/writing a path in a config and checking one value against its schema.

export function getAt(root, path) {
  return path.reduce((v, key) => (v == null ? undefined : v[key]), root);
}

export function setAt(root, path, value) {
  let target = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (target[key] == null || typeof target[key] !== 'object') {
      target[key] = typeof path[i + 1] === 'number' ? [] : {};
    }
    target = target[key];
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(target)) {
      target[last] = undefined;
    } else {
      delete target[last];
    }
  } else {
    target[last] = value;
  }
}

// 'rules[0].expression' — the hub's problem paths after `nodes[id].config.`.
export function pathText(path) {
  return path.reduce((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '');
}

// Parses what the user typed into a number field: [value, errorKey, arg].
export function parseNumber(text, schema, required) {
  const trimmed = text.trim();
  if (trimmed === '') {
    return [undefined, required ? 'FieldRequired' : null];
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    return [undefined, 'FieldNumber'];
  }
  if (schema.type === 'integer' && !Number.isInteger(value)) {
    return [undefined, 'FieldInteger'];
  }
  if (typeof schema.minimum === 'number' && value < schema.minimum) {
    return [value, 'FieldMin', schema.minimum];
  }
  if (typeof schema.maximum === 'number' && value > schema.maximum) {
    return [value, 'FieldMax', schema.maximum];
  }
  return [value, null];
}

export function parseJson(text, required) {
  const trimmed = text.trim();
  if (trimmed === '') {
    return [undefined, required ? 'FieldRequired' : null];
  }
  try {
    return [JSON.parse(trimmed), null];
  } catch (error) {
    return [undefined, 'FieldJson', String(error.message ?? error)];
  }
}

export function kindOf(schema) {
  if (!schema || typeof schema !== 'object') {
    return 'json';
  }
  if (schema.type === 'string') {
    if (Array.isArray(schema.enum)) {
      return 'enum';
    }
    return schema.format === 'javascript' ? 'code' : 'text';
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return 'number';
  }
  if (schema.type === 'boolean') {
    return 'boolean';
  }
  if (schema.type === 'array') {
    if (schema.items?.type === 'string' && !Array.isArray(schema.items.enum)) {
      return 'lines';
    }
    return schema.items?.type === 'object' && schema.items.properties ? 'objects' : 'json';
  }
  if (schema.type === 'object' && schema.properties && Object.keys(schema.properties).length > 0) {
    return 'object';
  }
  return 'json';
}
