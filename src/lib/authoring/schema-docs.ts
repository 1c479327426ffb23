/**
 * Reads the JSDoc of every field in schemas/*.ts, so the generated JSON
 * Schemas carry the same help text editors see in TypeScript. The JSDoc
 * stays the one place a field is described.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** A field's description and the documented fields inside it. */
export interface FieldDocs {
  description?: string;
  fields: Map<string, FieldDocs>;
  /** The field's schema is another documented schema, by its name (`grantSchema`). */
  ref?: string;
}

/** Every documented object schema in the files, by the name of the const or function that holds it. */
export function readSchemaDocs(files: readonly string[]): Map<string, FieldDocs> {
  const schemas = new Map<string, FieldDocs>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      const holders: [string, ts.Node][] = [];
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.initializer) holders.push([declaration.name.text, declaration.initializer]);
        }
      } else if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
        holders.push([statement.name.text, statement.body]);
      }
      for (const [name, node] of holders) {
        const object = firstObjectSchema(node);
        if (object) schemas.set(name, docsOf(object));
      }
    }
  }
  return schemas;
}

/** The object literal passed to the first `strictObject(…)` / `object(…)` call inside `node`. */
function firstObjectSchema(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (child: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(child) && ts.isPropertyAccessExpression(child.expression) && ['strictObject', 'object'].includes(child.expression.name.text)) {
      const [argument] = child.arguments;
      if (argument && ts.isObjectLiteralExpression(argument)) {
        found = argument;
        return;
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function docsOf(object: ts.ObjectLiteralExpression): FieldDocs {
  const fields = new Map<string, FieldDocs>();
  for (const property of object.properties) {
    const shorthand = ts.isShorthandPropertyAssignment(property);
    if (!(ts.isPropertyAssignment(property) || shorthand) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
    const initializer = shorthand ? property.name : property.initializer;
    const description = ts
      .getJSDocCommentsAndTags(property)
      .filter(ts.isJSDoc)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
      .join('\n')
      .trim();
    const nested = firstObjectSchema(initializer);
    const field: FieldDocs = nested ? docsOf(nested) : { fields: new Map() };
    if (!nested) {
      // `grants: z.array(grantSchema)`: the field's docs live with that schema.
      const ref = firstSchemaIdentifier(initializer);
      if (ref) field.ref = ref;
    }
    if (description) field.description = description.replace(/\s*\n\s*/g, ' ');
    fields.set(property.name.text, field);
  }
  return { fields };
}

/** The first identifier in `node` that names a schema of ours rather than zod itself (`money`, `grantSchema`). */
function firstSchemaIdentifier(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text === 'z' ? undefined : node.text;
  let found: string | undefined;
  const visit = (child: ts.Node) => {
    if (found) return;
    if (ts.isPropertyAccessExpression(child)) visit(child.expression);
    else if (ts.isIdentifier(child) && child.text !== 'z') found = child.text;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; allOf?: JsonSchema[] };

/** Adds `description` to each property of `schema` that `docs` describes, recursing into lists and nested objects. */
export function describeJsonSchema(schema: JsonSchema, docs: FieldDocs, all: Map<string, FieldDocs>): void {
  for (const target of objectParts(schema)) {
    for (const [name, field] of docs.fields) {
      const property = target.properties?.[name];
      if (!property) continue;
      if (field.description) property.description = field.description;
      const inner = field.ref ? all.get(field.ref) : field;
      if (inner && inner.fields.size > 0) describeJsonSchema(property, inner, all);
    }
  }
}

/** The object schemas reachable from `schema` through lists and unions. */
function objectParts(schema: JsonSchema): JsonSchema[] {
  const parts: JsonSchema[] = [];
  if (schema.properties) parts.push(schema);
  if (schema.items) parts.push(...objectParts(schema.items));
  for (const option of [...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) parts.push(...objectParts(option));
  return parts;
}
