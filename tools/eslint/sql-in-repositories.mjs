// House rule: SQL lives in `*.repository.ts`. Anywhere else in an app, a call to a method that
// TypeORM or pg declares for reading or writing data (a query, a query builder, find/save/…,
// through a manager, a repository or a data source) is an error. Services open transactions and
// hand the transaction's manager to repositories; controllers call services.
import { ESLintUtils } from '@typescript-eslint/utils';

const DATA_METHODS = new Set([
  'query',
  'sql',
  'createQueryBuilder',
  'getRepository',
  'getTreeRepository',
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'exists',
  'existsBy',
  'count',
  'countBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'save',
  'insert',
  'update',
  'updateAll',
  'upsert',
  'delete',
  'deleteAll',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'recover',
  'increment',
  'decrement',
  'clear',
  'preload',
]);

const DATA_PACKAGES = /[\\/]node_modules[\\/](typeorm|pg)[\\/]/;

export const sqlInRepositories = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    messages: {
      sqlOutsideRepository:
        '{{method}}() runs SQL: move it into a *.repository.ts method that says what it reads or writes',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    return {
      'CallExpression > MemberExpression.callee'(node) {
        if (node.property.type !== 'Identifier' || !DATA_METHODS.has(node.property.name)) return;
        const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(node.property));
        const declarations = symbol?.declarations ?? [];
        if (!declarations.some((d) => DATA_PACKAGES.test(d.getSourceFile().fileName))) return;
        context.report({
          node: node.property,
          messageId: 'sqlOutsideRepository',
          data: { method: node.property.name },
        });
      },
    };
  },
});
