// The pickers of the Gap tab (GapPickers.svelte): A and B always differ, a swap turns them round.
import { render, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import GapPickers from '../../src/renderer/src/ui/analysis/GapPickers.svelte';
import { analysisMessages } from '../../src/renderer/src/ui/analysis/messages';

const scenarios = [
  { id: 'base', name: 'Base' },
  { id: 'hot', name: 'Hot' },
  { id: 'calm', name: 'Calm' }
];

function setup(language: 'en' | 'ar' = 'en') {
  const onpick = vi.fn();
  const { container } = render(GapPickers, { scenarios, a: 'base', b: 'hot', t: analysisMessages(language), onpick });
  return { onpick, screen: within(container) };
}

describe('GapPickers', () => {
  it('shows A and B, each in a labelled select', () => {
    const { screen } = setup();
    expect((screen.getByRole('combobox', { name: 'Scenario A' }) as HTMLSelectElement).value).toBe('base');
    expect((screen.getByRole('combobox', { name: 'minus B' }) as HTMLSelectElement).value).toBe('hot');
  });

  it('picks another scenario for one side and keeps the other', async () => {
    const { onpick, screen } = setup();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'minus B' }), 'calm');
    expect(onpick).toHaveBeenLastCalledWith('base', 'calm');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Scenario A' }), 'calm');
    expect(onpick).toHaveBeenLastCalledWith('calm', 'hot');
  });

  it('swaps A and B when one side is given the other’s scenario, and with the swap button (keyboard)', async () => {
    const { onpick, screen } = setup();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Scenario A' }), 'hot');
    expect(onpick).toHaveBeenLastCalledWith('hot', 'base');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'minus B' }), 'base');
    expect(onpick).toHaveBeenLastCalledWith('hot', 'base');
    screen.getByRole('button', { name: /Swap A and B/ }).focus();
    await userEvent.keyboard('{Enter}');
    expect(onpick).toHaveBeenLastCalledWith('hot', 'base');
    expect(onpick).toHaveBeenCalledTimes(3);
  });

  it('is in Arabic for Arabic', () => {
    const { screen } = setup('ar');
    expect(screen.getByRole('group', { name: 'سيناريوهَا الفجوة' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'السيناريو أ' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'مطروحًا منه ب' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /تبديل أ و ب/ })).toBeTruthy();
  });
});
