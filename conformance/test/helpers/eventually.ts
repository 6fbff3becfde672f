/** Resolves once `condition` holds, checking every few ms (state that changes on another socket). */
export function eventually(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (condition() ? resolve() : setTimeout(poll, 5));
    poll();
  });
}
