import type {
	AddDataTableColumnOptions,
	CreateDataTableOptions,
	DataTable,
	DataTableColumn,
	DataTableColumnJsType,
	DataTableColumnType,
	DataTableFilter,
	DataTableInsertRowsResult,
	DataTableInsertRowsReturnType,
	DataTableProxyProvider,
	DataTableRow,
	DataTableRowReturn,
	DataTableRowReturnWithState,
	DataTableRows,
	DeleteDataTableRowsOptions,
	IDataTableProjectAggregateService,
	IDataTableProjectService,
	INode,
	ListDataTableOptions,
	ListDataTableRowsOptions,
	MoveDataTableColumnOptions,
	UpdateDataTableOptions,
	UpdateDataTableRowOptions,
	UpsertDataTableRowOptions,
} from 'n8n-workflow';

/** Node types n8n lets reach Data Tables (its proxy service refuses every other node type). */
export const DATA_TABLE_NODE_TYPES: readonly string[] = [
	'n8n-nodes-base.dataTable',
	'n8n-nodes-base.dataTableTool',
];

const PROJECT_ID = 'harness-project';

interface TableState {
	table: DataTable;
	rows: DataTableRowReturn[];
	nextRowId: number;
}

type Condition = DataTableFilter['filters'][number];

/** A page of rows about to be read: the table's name and the rows skipped before it. */
export interface TableRead {
	table: string;
	skip: number;
}

const toComparable = (value: DataTableColumnJsType): string | number | boolean | null =>
	value instanceof Date ? value.getTime() : value;

function likeToRegExp(pattern: string, flags: string): RegExp {
	const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
	return new RegExp(`^${escaped}$`, flags);
}

function matches(row: DataTableRowReturn, condition: Condition): boolean {
	const actual = toComparable(row[condition.columnName] ?? null);
	const expected = toComparable(condition.value);
	switch (condition.condition) {
		case 'eq':
			return actual === expected;
		case 'neq':
			return actual !== expected;
		case 'isEmpty':
			return actual === null || actual === '';
		case 'isNotEmpty':
			return actual !== null && actual !== '';
		case 'like':
		case 'ilike': {
			if (typeof actual !== 'string' || typeof expected !== 'string') return false;
			// n8n adds no implicit wildcards: the value is an SQL LIKE pattern (% and _).
			return likeToRegExp(expected, condition.condition === 'ilike' ? 'is' : 's').test(actual);
		}
		default: {
			if (actual === null || expected === null) return false;
			if (condition.condition === 'gt') return actual > expected;
			if (condition.condition === 'gte') return actual >= expected;
			if (condition.condition === 'lt') return actual < expected;
			return actual <= expected;
		}
	}
}

function matchesFilter(row: DataTableRowReturn, filter: DataTableFilter | undefined): boolean {
	if (filter === undefined || filter.filters.length === 0) return true;
	return filter.type === 'or'
		? filter.filters.some((condition) => matches(row, condition))
		: filter.filters.every((condition) => matches(row, condition));
}

/** An in-memory Data Table: the same operations n8n's table proxy offers the Data Table node. */
class InMemoryDataTableService implements IDataTableProjectService {
	constructor(
		private readonly state: TableState,
		private readonly drop: () => void,
		private readonly clock: () => Date,
		private readonly beforeRead: (read: TableRead) => Promise<void>,
	) {}

	async updateDataTable(options: UpdateDataTableOptions): Promise<boolean> {
		this.state.table.name = options.name;
		this.state.table.updatedAt = this.clock();
		return true;
	}

	async deleteDataTable(): Promise<boolean> {
		this.drop();
		return true;
	}

	async getColumns(): Promise<DataTableColumn[]> {
		return this.state.table.columns.map((column) => ({ ...column }));
	}

	async addColumn(options: AddDataTableColumnOptions): Promise<DataTableColumn> {
		const { columns } = this.state.table;
		if (columns.some((column) => column.name === options.name)) {
			throw new Error(`Column "${options.name}" already exists`);
		}
		const column: DataTableColumn = {
			id: `${this.state.table.id}-c${columns.length + 1}`,
			name: options.name,
			type: options.type,
			index: options.index ?? columns.length,
			dataTableId: this.state.table.id,
		};
		columns.push(column);
		for (const row of this.state.rows) row[column.name] = null;
		return { ...column };
	}

	async moveColumn(columnId: string, options: MoveDataTableColumnOptions): Promise<boolean> {
		const { columns } = this.state.table;
		const from = columns.findIndex((column) => column.id === columnId);
		if (from < 0) return false;
		const [column] = columns.splice(from, 1);
		columns.splice(options.targetIndex, 0, column);
		columns.forEach((c, index) => (c.index = index));
		return true;
	}

	async deleteColumn(columnId: string): Promise<boolean> {
		const { columns } = this.state.table;
		const index = columns.findIndex((column) => column.id === columnId);
		if (index < 0) return false;
		const [column] = columns.splice(index, 1);
		for (const row of this.state.rows) delete row[column.name];
		return true;
	}

	async getManyRowsAndCount(
		dto: Partial<ListDataTableRowsOptions>,
	): Promise<{ count: number; data: DataTableRowReturn[] }> {
		await this.beforeRead({ table: this.state.table.name, skip: dto.skip ?? 0 });
		let rows = this.state.rows.filter((row) => matchesFilter(row, dto.filter));
		if (dto.sortBy !== undefined) {
			const [column, direction] = dto.sortBy;
			const sign = direction === 'DESC' ? -1 : 1;
			rows = [...rows].sort((a, b) => {
				const x = toComparable(a[column] ?? null);
				const y = toComparable(b[column] ?? null);
				if (x === y) return 0;
				if (x === null) return -sign;
				if (y === null) return sign;
				return x < y ? -sign : sign;
			});
		}
		const skip = dto.skip ?? 0;
		const page = dto.take === undefined ? rows.slice(skip) : rows.slice(skip, skip + dto.take);
		return { count: rows.length, data: page.map((row) => ({ ...row })) };
	}

	async insertRows<T extends DataTableInsertRowsReturnType>(
		rows: DataTableRows,
		returnType: T,
	): Promise<DataTableInsertRowsResult<T>> {
		const inserted = rows.map((row) => {
			const now = this.clock();
			const stored: DataTableRowReturn = {
				...this.emptyRow(),
				...this.coerceRow(row),
				id: this.state.nextRowId++,
				createdAt: now,
				updatedAt: now,
			};
			return stored;
		});
		this.state.rows.push(...inserted);
		const copies = inserted.map((row) => ({ ...row }));
		const result =
			returnType === 'all'
				? copies
				: returnType === 'id'
					? copies.map(({ id }) => ({ id }))
					: { success: true, insertedRows: copies.length };
		return result as DataTableInsertRowsResult<T>;
	}

	async updateRows(
		options: UpdateDataTableRowOptions,
	): Promise<DataTableRowReturn[] | DataTableRowReturnWithState[]> {
		const targets = this.state.rows.filter((row) => matchesFilter(row, options.filter));
		return this.applyUpdate(targets, options.data, options.dryRun === true);
	}

	async upsertRow(
		options: UpsertDataTableRowOptions,
	): Promise<DataTableRowReturn[] | DataTableRowReturnWithState[]> {
		const targets = this.state.rows.filter((row) => matchesFilter(row, options.filter));
		if (targets.length > 0) return this.applyUpdate(targets, options.data, options.dryRun === true);
		if (options.dryRun === true) {
			return [{ ...this.emptyRow(), ...this.coerceRow(options.data), id: null, createdAt: null, updatedAt: null, dryRunState: 'after' }];
		}
		return await this.insertRows([options.data], 'all');
	}

	async deleteRows(options: DeleteDataTableRowsOptions): Promise<DataTableRowReturn[]> {
		const deleted = this.state.rows.filter((row) => matchesFilter(row, options.filter));
		if (options.dryRun !== true) {
			this.state.rows = this.state.rows.filter((row) => !deleted.includes(row));
		}
		return deleted.map((row) => ({ ...row }));
	}

	async clearRows(): Promise<{ deletedCount: number }> {
		const deletedCount = this.state.rows.length;
		this.state.rows = [];
		return { deletedCount };
	}

	private applyUpdate(
		targets: DataTableRowReturn[],
		data: DataTableRow,
		dryRun: boolean,
	): DataTableRowReturn[] | DataTableRowReturnWithState[] {
		const changes = this.coerceRow(data);
		if (dryRun) {
			return targets.flatMap((row): DataTableRowReturnWithState[] => [
				{ ...row, dryRunState: 'before' },
				{ ...row, ...changes, dryRunState: 'after' },
			]);
		}
		for (const row of targets) Object.assign(row, changes, { updatedAt: this.clock() });
		return targets.map((row) => ({ ...row }));
	}

	private emptyRow(): DataTableRow {
		return Object.fromEntries(this.state.table.columns.map((column) => [column.name, null]));
	}

	/** Checks names and converts values to the column types, as n8n's table service does. */
	private coerceRow(row: DataTableRow): DataTableRow {
		const types = new Map(this.state.table.columns.map((column) => [column.name, column.type]));
		const result: DataTableRow = {};
		for (const [name, value] of Object.entries(row)) {
			const type = types.get(name);
			if (type === undefined) {
				throw new Error(`unknown column name '${name}' in data table "${this.state.table.name}"`);
			}
			result[name] = coerce(value, type, name);
		}
		return result;
	}
}

function coerce(value: DataTableColumnJsType, type: DataTableColumnType, name: string): DataTableColumnJsType {
	if (value === null || value === undefined) return null;
	const fail = (): never => {
		throw new Error(`value '${String(value)}' does not match column type '${type}' of column '${name}'`);
	};
	switch (type) {
		case 'string':
			return value instanceof Date ? value.toISOString() : String(value);
		case 'number': {
			const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
			return Number.isFinite(number) ? number : fail();
		}
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true') return true;
			if (value === 'false') return false;
			return fail();
		case 'date': {
			const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
			return date !== null && !Number.isNaN(date.getTime()) ? date : fail();
		}
	}
}

/**
 * In-memory Data Tables for one or more workflow runs. Pass it to `runWorkflow({ dataTables })`;
 * n8n-core hands it to the Data Table node through `additionalData['data-table']`.
 * Create tables first (`createTable`), then read them back with `rows(name)`.
 */
export class InMemoryDataTables implements DataTableProxyProvider {
	private readonly tables = new Map<string, TableState>();
	private nextTableId = 1;
	/** The clock rows are stamped with; `runWorkflow({ now })` moves it. */
	clock: () => Date = () => new Date();
	/**
	 * Runs before each page of rows is read: what other executions write meanwhile (queue mode),
	 * for a test to play.
	 */
	beforeRead: (read: TableRead) => Promise<void> | void = () => undefined;

	createTable(name: string, columns: CreateDataTableOptions['columns']): DataTable {
		if ([...this.tables.values()].some((state) => state.table.name.toLowerCase() === name.toLowerCase())) {
			throw new Error(`Data table "${name}" already exists`);
		}
		const id = `dt${this.nextTableId++}`;
		const now = this.clock();
		const table: DataTable = {
			id,
			name,
			columns: columns.map((column, index) => ({
				id: `${id}-c${index + 1}`,
				name: column.name,
				type: column.type,
				index: column.index ?? index,
				dataTableId: id,
			})),
			createdAt: now,
			updatedAt: now,
			projectId: PROJECT_ID,
		};
		this.tables.set(id, { table, rows: [], nextRowId: 1 });
		return table;
	}

	/** A copy of the rows of the table with that name (case-insensitive) or id. */
	rows(nameOrId: string): DataTableRowReturn[] {
		return this.stateOf(nameOrId).rows.map((row) => ({ ...row }));
	}

	/** Inserts rows directly (test set-up), bypassing any workflow. */
	async seed(nameOrId: string, rows: DataTableRows): Promise<void> {
		await this.service(this.stateOf(nameOrId)).insertRows(rows, 'count');
	}

	async getDataTableAggregateProxy(
		_workflow: unknown,
		node: INode,
	): Promise<IDataTableProjectAggregateService> {
		assertAllowed(node);
		return {
			getProjectId: () => PROJECT_ID,
			createDataTable: async (options) => this.createTable(options.name, options.columns),
			getManyAndCount: async (options: ListDataTableOptions) => {
				const tables = [...this.tables.values()]
					.map((state) => state.table)
					.filter((table) => matchesTableFilter(table, options.filter));
				const skip = options.skip ?? 0;
				const page = options.take === undefined ? tables.slice(skip) : tables.slice(skip, skip + options.take);
				return { count: tables.length, data: page };
			},
			deleteDataTableAll: async () => {
				this.tables.clear();
				return true;
			},
		};
	}

	async getDataTableProxy(_workflow: unknown, node: INode, dataTableId: string): Promise<IDataTableProjectService> {
		assertAllowed(node);
		return this.service(this.stateOf(dataTableId));
	}

	private service(state: TableState): InMemoryDataTableService {
		return new InMemoryDataTableService(state, () => this.tables.delete(state.table.id), () => this.clock(), async (read) => this.beforeRead(read));
	}

	private stateOf(nameOrId: string): TableState {
		const state =
			this.tables.get(nameOrId) ??
			[...this.tables.values()].find((s) => s.table.name.toLowerCase() === nameOrId.toLowerCase());
		if (state === undefined) throw new Error(`Could not find data table "${nameOrId}"`);
		return state;
	}
}

function matchesTableFilter(table: DataTable, filter: ListDataTableOptions['filter']): boolean {
	if (filter === undefined) return true;
	return Object.entries(filter).every(([key, wanted]) => {
		const values = (Array.isArray(wanted) ? wanted : [wanted]).map((v) => v.toLowerCase());
		if (key === 'name') return values.includes(table.name.toLowerCase());
		if (key === 'id') return values.includes(table.id.toLowerCase());
		if (key === 'projectId') return values.includes(table.projectId.toLowerCase());
		return true;
	});
}

function assertAllowed(node: INode): void {
	if (!DATA_TABLE_NODE_TYPES.includes(node.type)) {
		throw new Error(`Node type "${node.type}" may not use Data Tables (only n8n's own Data Table nodes can)`);
	}
}
