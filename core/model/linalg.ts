/**
 * The Cholesky factor L (row-major, lower triangle) of a symmetric positive definite matrix
 * (row-major, size × size), with A = L Lᵀ; null when A is not positive definite.
 */
export function cholesky(matrix: Float64Array, size: number): Float64Array | null {
	const lower = new Float64Array(size * size);
	for (let i = 0; i < size; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = matrix[i * size + j];
			for (let k = 0; k < j; k++) sum -= lower[i * size + k] * lower[j * size + k];
			if (i === j) {
				if (!(sum > 0)) return null;
				lower[i * size + i] = Math.sqrt(sum);
			} else {
				lower[i * size + j] = sum / lower[j * size + j];
			}
		}
	}
	return lower;
}

/** Solves L Lᵀ x = b for the factor of `cholesky`. */
export function solveCholesky(lower: Float64Array, rhs: ArrayLike<number>, size: number): Float64Array {
	const forward = new Float64Array(size);
	for (let i = 0; i < size; i++) {
		let sum = rhs[i];
		for (let k = 0; k < i; k++) sum -= lower[i * size + k] * forward[k];
		forward[i] = sum / lower[i * size + i];
	}
	const solution = new Float64Array(size);
	for (let i = size - 1; i >= 0; i--) {
		let sum = forward[i];
		for (let k = i + 1; k < size; k++) sum -= lower[k * size + i] * solution[k];
		solution[i] = sum / lower[i * size + i];
	}
	return solution;
}

/** The rows and columns of a square matrix (size × size) that `free` names, in that order. */
export function subMatrix(hessian: Float64Array, size: number, free: number[]): Float64Array {
	const m = free.length;
	const out = new Float64Array(m * m);
	for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) out[a * m + b] = hessian[free[a] * size + free[b]];
	return out;
}

/** Cholesky factor, nudging the diagonal until it is positive definite. */
export function factor(matrix: Float64Array, m: number): Float64Array {
	let nudge = 1e-10 * (1 + Math.max(...Array.from({ length: m }, (_, i) => Math.abs(matrix[i * m + i]))));
	let lower = cholesky(matrix, m);
	while (!lower) {
		const nudged = Float64Array.from(matrix);
		for (let i = 0; i < m; i++) nudged[i * m + i] += nudge;
		lower = cholesky(nudged, m);
		nudge *= 10;
	}
	return lower;
}

/** Diagonal of A⁻¹ from A's Cholesky factor L: A⁻¹ = L⁻ᵀ L⁻¹, so entry k is the squared norm of column k of L⁻¹. */
export function inverseDiagonal(lower: Float64Array, m: number): Float64Array {
	const diagonal = new Float64Array(m);
	const inverse = new Float64Array(m);
	for (let column = 0; column < m; column++) {
		// Column `column` of L⁻¹ by forward substitution; it is 0 above the diagonal.
		inverse.fill(0, 0, column);
		for (let i = column; i < m; i++) {
			let sum = i === column ? 1 : 0;
			for (let k = column; k < i; k++) sum -= lower[i * m + k] * inverse[k];
			inverse[i] = sum / lower[i * m + i];
			diagonal[column] += inverse[i] * inverse[i];
		}
	}
	return diagonal;
}
