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

/** Solves `A x = b` for a symmetric positive definite `A`; null when `A` is not positive definite. */
export function solveSpd(matrix: Float64Array, rhs: ArrayLike<number>, size: number): Float64Array | null {
	const lower = cholesky(matrix, size);
	return lower && solveCholesky(lower, rhs, size);
}
