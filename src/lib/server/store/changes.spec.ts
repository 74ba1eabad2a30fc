import { describe, expect, it, vi } from 'vitest';
import { changeListeners, type ChangeEvent } from './changes';

describe('changeListeners()', () => {
	const event: ChangeEvent = {
		file: 'm.yaml',
		map: 'm',
		kind: 'propose',
		nodeIds: ['a'],
		message: 'Propose a'
	};

	it('calls each listener in order, each after the one before has finished', async () => {
		const calls: string[] = [];
		const listeners = changeListeners();
		listeners.add(async () => {
			await new Promise<void>((resolve) => setImmediate(resolve));
			calls.push('first');
		});
		listeners.add(() => void calls.push('second'));
		await listeners.notify(event);
		expect(calls).toEqual(['first', 'second']);
	});

	it('goes on past a listener that throws, saying which change it failed for', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const calls: ChangeEvent[] = [];
		const listeners = changeListeners();
		listeners.add(() => {
			throw new Error('git is gone');
		});
		listeners.add((e) => void calls.push(e));
		await listeners.notify(event);
		expect(calls).toEqual([event]);
		expect(error).toHaveBeenCalledWith(
			'store: a change listener failed for Propose a:',
			expect.objectContaining({ message: 'git is gone' })
		);
		error.mockRestore();
	});

	it('stops calling a listener once its stop function is called', async () => {
		const calls: string[] = [];
		const listeners = changeListeners();
		const stop = listeners.add(() => void calls.push('called'));
		await listeners.notify(event);
		stop();
		await listeners.notify(event);
		expect(calls).toEqual(['called']);
	});
});
