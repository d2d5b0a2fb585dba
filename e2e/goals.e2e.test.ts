import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api';
import { DEMO, signIn } from './support/app';
import { HARBOUR, phoneSuite } from './support/phone-suite';

const { baseUrl, phone, shoot } = phoneSuite('screenshots/goals');
const ACTION = 'Call my sister on Sundays <b>really</b>';
const STEP = 'Send her a text first';

describe('goals and celebrations on a phone', () => {
  it('create a goal with the wizard → reach a step → share a celebration → a peer reacts → the owner sees it', async () => {
    const base = baseUrl();
    const willow = await phone();
    await signIn(willow, base, DEMO.participant);
    await willow.goto(`${base}/goals`);
    await willow.getByRole('heading', { level: 1, name: 'My goals' }).waitFor();
    await willow.getByRole('link', { name: 'Join the Saturday walking group in the park' }).waitFor();
    await shoot(willow, 'my-goals');

    // The wizard: one question per screen; an empty answer is refused in place.
    await willow.getByRole('link', { name: 'New goal' }).click();
    await willow.getByRole('heading', { level: 1, name: 'New goal' }).waitFor();
    await willow.getByRole('button', { name: 'Next' }).click();
    await willow.getByText('Choose the area your goal is about.').waitFor();
    await willow.getByRole('radio', { name: 'Connecting with people' }).check();
    await shoot(willow, 'wizard-area');
    await willow.getByRole('button', { name: 'Next' }).click();
    await willow.getByRole('textbox', { name: 'What will you do?' }).fill(ACTION);
    await willow.getByRole('button', { name: 'Next' }).click();
    await willow.getByRole('button', { name: 'Once a week' }).click();
    await willow.getByRole('button', { name: 'Next' }).click();
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await willow.getByLabel('By when?').fill(inAMonth);
    await willow.getByRole('button', { name: 'Next' }).click();
    await willow.getByRole('textbox', { name: /What support would help/ }).fill('Ask me how it went on Tuesdays.');
    await willow.getByRole('button', { name: 'Next' }).click();
    await willow.getByRole('textbox', { name: 'Step 1' }).fill(STEP);
    await willow.getByRole('textbox', { name: 'Step 2' }).fill('Call for ten minutes');
    await willow.getByRole('button', { name: 'Next' }).click();
    await willow.getByText('Check your goal').waitFor();
    await shoot(willow, 'wizard-check');
    await willow.getByRole('button', { name: 'Create goal' }).click();

    // The goal page: markup stays text; private by default.
    await willow.getByRole('heading', { level: 1, name: ACTION }).waitFor();
    expect(await willow.locator('main b').filter({ hasText: 'really' }).count()).toBe(0);
    await willow.getByText('Only you will see this goal.').waitFor();

    // The sharing preview names exactly who would see it.
    await willow.getByRole('radio', { name: 'My group' }).check();
    await willow.getByText(/Who will see this:.*Dr Ada Okafor \(clinician\).*members of .*Harbour/).waitFor();
    await shoot(willow, 'goal-sharing-preview');
    await willow.getByRole('radio', { name: 'Only me' }).check();

    // Reach the first step, then celebrate it with the title and a note.
    await willow.getByRole('button', { name: 'I reached this step' }).first().click();
    await willow.getByRole('button', { name: 'Celebrate with my group' }).click();
    const dialog = willow.getByRole('dialog', { name: 'Celebrate with your group' });
    await dialog.getByRole('radio', { name: 'The step and a short note' }).check();
    // Contact details are refused before anything is sent, with the reason.
    await dialog.getByLabel('Your note').fill('Text me on willow.walks@example.com');
    await dialog.getByRole('button', { name: 'Share celebration' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Please change this before sharing' }).waitFor();
    await dialog.getByLabel('Your note').fill('She replied with a heart!');
    await shoot(willow, 'celebrate');
    await dialog.getByRole('button', { name: 'Share celebration' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await willow.getByText(/Shared with your group/).waitFor();

    // Out of staffed hours or as a new member it waits for a facilitator: Ada approves it.
    const ada = await apiSession(base, DEMO.clinician);
    const groupId = (await ada.get<{ groups: { id: string }[] }>('/groups')).groups[0]?.id ?? '';
    const feed = await ada.get<{ items: { id: string; kind: string; title: string | null; moderationStatus: string }[] }>(`/groups/${groupId}/shared`);
    const card = feed.items.find((i) => i.kind === 'celebration' && i.title === STEP);
    expect(card).toBeDefined();
    if (card?.moderationStatus === 'held') await ada.send('POST', `/moderation/items/${card.id}/approve`, { reason: 'Lovely to share' });

    // Harbour, on another phone, cheers her on — once.
    const harbour = await phone();
    await signIn(harbour, base, HARBOUR);
    await harbour.goto(`${base}/celebrations`);
    await harbour.getByRole('heading', { level: 1, name: 'Group celebrations' }).waitFor();
    const article = harbour.getByRole('article').filter({ hasText: STEP });
    await article.getByText('She replied with a heart!').waitFor();
    expect(await article.innerText()).toContain('Willow reached a milestone');
    expect(await harbour.getByText('Maya Thompson').count()).toBe(0);
    const clap = article.getByRole('button', { name: /^Well done/ });
    await clap.click();
    await article.getByRole('button', { name: 'Well done, 1' }).waitFor();
    expect(await article.getByRole('button', { name: 'Well done, 1' }).getAttribute('aria-pressed')).toBe('true');
    await shoot(harbour, 'celebrations-peer');

    // Willow sees who cheered.
    await willow.reload();
    await willow.getByText(/Well done from Harbour/).waitFor();
    await shoot(willow, 'goal-with-reaction');
  });

  it('the skills practice log and the journal work on a phone', async () => {
    const base = baseUrl();
    const willow = await phone();
    await signIn(willow, base, DEMO.participant);
    await willow.goto(`${base}/skills`);
    await willow.getByRole('heading', { level: 1, name: 'Skills practice' }).waitFor();
    await willow.getByText('My flatmate left dishes again.').waitFor();
    await willow.getByRole('button', { name: 'Save' }).click();
    await willow.getByText('Choose the skill you practised.').waitFor();
    await willow.getByRole('combobox', { name: 'Skill' }).click();
    await willow.getByRole('option', { name: 'Reflective listening and validation' }).click();
    await willow.getByLabel('The situation').fill('Coffee with a neighbour');
    await willow.getByLabel('What I tried').fill('Repeated back what I heard before answering.');
    await willow.getByRole('radio', { name: '4 · Quite well' }).check();
    await willow.getByRole('button', { name: 'Save' }).click();
    await willow.getByText('Saved to your practice log.').waitFor();
    await willow.getByText('Coffee with a neighbour').waitFor();
    await shoot(willow, 'skills');

    await willow.goto(`${base}/journal`);
    await willow.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    await willow.getByRole('radio').nth(1).check();
    await willow.getByRole('textbox').first().fill('Tonight I noticed <i>relief</i>.');
    await willow.getByRole('button', { name: 'Save entry' }).click();
    await willow.getByText('Saved. Only you can read it.').waitFor();
    await willow.getByText('Tonight I noticed <i>relief</i>.').waitFor();
    await shoot(willow, 'journal');

    // Ada sees only what Willow shared with her, on Willow's record.
    const adaPage = await phone();
    await signIn(adaPage, base, DEMO.clinician);
    const ada = await apiSession(base, DEMO.clinician);
    const groupId = (await ada.get<{ groups: { id: string }[] }>('/groups')).groups[0]?.id ?? '';
    const group = await ada.get<{ members: { enrolmentId: string; pseudonym: string }[] }>(`/groups/${groupId}`);
    const enrolmentId = group.members.find((m) => m.pseudonym === 'Willow')?.enrolmentId ?? '';
    await adaPage.goto(`${base}/records/${enrolmentId}`);
    await adaPage.getByRole('heading', { name: 'Journal entries shared with you' }).waitFor();
    await adaPage.getByText(/The group noticed\./).waitFor();
    expect(await adaPage.getByText('Tonight I noticed').count()).toBe(0);
    await adaPage.getByRole('heading', { name: 'Shared goals' }).waitFor();
    await adaPage.getByText('Join the Saturday walking group in the park').waitFor();
    await shoot(adaPage, 'record-goals-journal');
  });
});
