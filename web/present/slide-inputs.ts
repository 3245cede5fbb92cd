/**
 * Per-slide input state: the inputs each slide had when the deck left it, so going back restores them.
 */
export class SlideInputs {
  private readonly bySlide = new Map<number, Record<string, unknown>>();

  /**
   * Remember `values` for the slide being left; return the values to restore on the slide being entered
   * (null when it was never left before, or when nothing differs).
   *
   * @example
   * memory.move(2, 4, { states: 4 }); // null: slide 4 is new
   * memory.move(4, 2, { states: 2 }); // { states: 4 }
   */
  move(from: number, to: number, values: Record<string, unknown>): Record<string, unknown> | null {
    this.bySlide.set(from, values);
    if (from === to) return null;
    const saved = this.bySlide.get(to);
    if (!saved) return null;
    return JSON.stringify(saved) === JSON.stringify(values) ? null : saved;
  }
}
