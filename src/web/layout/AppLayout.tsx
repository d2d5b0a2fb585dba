import { AppShell, Badge, Burger, Button, Container, Group, NavLink, ScrollArea, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useMyGroups } from '../groups/api';
import { useUnreadCount } from '../participant/api';
import { useMySpaces } from '../space/api';
import { useOpenAlertCount } from '../alerts/api';
import { useLiveAlerts, useLiveNotifications, useLiveUnread } from '../space/hooks';
import { useSignOut } from '../auth/api';
import { useMe } from '../auth/session';
import type { Me } from '../api/types';
import { Brand } from './Brand';
import { ErrorBoundary } from './ErrorBoundary';
import { PageLoader } from './feedback';
import { roleLabel } from './format';
import { SkipLink } from './SkipLink';
import classes from './layout.module.css';

interface NavItem {
  to: string;
  label: string;
  /** A count shown next to the label (unread notifications). */
  count?: number;
}

function navItemsFor(me: Me): NavItem[] {
  switch (me.user.role) {
    case 'admin':
      return [
        { to: '/', label: 'Overview' },
        { to: '/admin/users', label: 'People' },
        { to: '/admin/programmes', label: 'Programmes & groups' },
        { to: '/admin/audit', label: 'Audit log' },
        { to: '/admin/fhir-export', label: 'FHIR export' },
        { to: '/admin/mail', label: 'Mail' },
        { to: '/admin/sms', label: 'Text messages' },
        { to: '/reports/outcomes', label: 'Outcomes' },
        { to: '/admin/rota', label: 'Duty rota' },
        { to: '/admin/settings', label: 'Settings' },
        { to: '/admin/watched-phrases', label: 'Watched phrases' },
      ];
    case 'clinician':
      return [
        { to: '/', label: 'My groups' },
        { to: '/alerts', label: 'Alerts' },
        { to: '/moderation', label: 'Moderation' },
        { to: '/library', label: 'Coping library' },
        { to: '/upcoming', label: 'Upcoming sessions' },
        { to: '/notifications', label: 'Notifications' },
        { to: '/reports/outcomes', label: 'Outcomes' },
      ];
    case 'participant':
      return [
        { to: '/', label: 'Home' },
        { to: '/safety-plan', label: 'My safety plan' },
        { to: '/my-posts', label: 'Posts waiting' },
        { to: '/goals', label: 'My goals' },
        { to: '/strategies', label: 'Coping strategies' },
        { to: '/appreciations', label: 'Appreciations' },
        { to: '/feedback', label: 'Feedback' },
        { to: '/library', label: 'Coping library' },
        { to: '/celebrations', label: 'Group celebrations' },
        { to: '/skills', label: 'Skills practice' },
        { to: '/journal', label: 'Journal' },
        { to: '/upcoming', label: 'Upcoming sessions' },
        { to: '/notifications', label: 'Notifications' },
      ];
  }
}

/** Pages with sub-pages of their own in the menu (the account and its notification settings) are active only exactly. */
const EXACT = new Set(['/', '/account']);

function isActive(pathname: string, to: string): boolean {
  return EXACT.has(to) ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
}

/** The signed-in frame: header with service name and sign out, role navigation, main content. */
export function AppLayout() {
  const me = useMe();
  const signOut = useSignOut();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After navigating, close the phone menu and move focus to the new page for screen readers.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    close();
    mainRef.current?.focus();
  }, [pathname, close]);

  return (
    <>
      <SkipLink />
      <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'lg' }}>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Close menu' : 'Open menu'}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Brand name={me.service.name} />
            </Group>
            {me.user.role === 'clinician' ? <PhoneAlertsLink /> : null}
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" visibleFrom="sm" className={classes.brandName}>
                {me.user.displayName}
              </Text>
              <Button variant="default" size="sm" onClick={() => void signOut()}>
                Sign out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id="main-navigation" component="nav" aria-label="Main" p="sm">
          <AppShell.Section grow component={ScrollArea}>
            <MainNav me={me} pathname={pathname} />
          </AppShell.Section>
          <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" fw={600} className={classes.wrap}>
              {me.user.displayName}
            </Text>
            <Text size="xs" c="dimmed">
              {roleLabel[me.user.role]}
            </Text>
            {me.service.demo ? (
              <Text size="xs" mt="xs">
                <Badge size="xs" variant="light" color="blue" mr={6}>
                  Demo
                </Badge>
                Sample data only: please don't enter real information.
              </Text>
            ) : null}
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1} className={classes.main}>
          <Container size="lg" px={0}>
            <ErrorBoundary scope="page" resetKey={pathname}>
              <Suspense fallback={<PageLoader label="Loading the page…" />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

/**
 * On a phone the navigation is folded away: unacknowledged alerts show in the header itself, so
 * a clinician sees them without opening the menu (the same count as the menu's badge).
 */
function PhoneAlertsLink() {
  const open = useOpenAlertCount(true);
  if (open === 0) return null;
  return (
    <Button component={Link} to="/alerts" hiddenFrom="sm" size="compact-md" color="red.8" variant="filled" data-testid="header-alerts" style={{ flexShrink: 0 }}>
      Alerts
      <Badge size="sm" variant="white" color="red.8" circle ml={6}>
        {open}
      </Badge>
      <VisuallyHidden> not acknowledged</VisuallyHidden>
    </Button>
  );
}

function MainNav({ me, pathname }: { me: Me; pathname: string }) {
  const showGroups = me.user.role !== 'admin';
  const groups = useMyGroups(showGroups);
  const unread = useUnreadCount(showGroups);
  const openAlerts = useOpenAlertCount(me.user.role === 'clinician');
  useLiveAlerts(me.user.role === 'clinician');
  useLiveNotifications(showGroups);
  useLiveUnread(showGroups);
  const link = (item: NavItem) => {
    const active = isActive(pathname, item.to);
    const count = item.to === '/notifications' ? unread : item.to === '/alerts' ? openAlerts : 0;
    return (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={item.label}
        rightSection={
          count > 0 ? (
            <Badge size="sm" variant="filled" circle color={item.to === '/alerts' ? 'red.8' : undefined}>
              {count}
              <VisuallyHidden>{item.to === '/alerts' ? ' not acknowledged' : ' unread'}</VisuallyHidden>
            </Badge>
          ) : undefined
        }
        active={active}
        aria-current={active ? 'page' : undefined}
        className={classes.navLink}
      />
    );
  };

  // The group space, where members spend time between sessions: one entry per space one may
  // enter, right after Home, with the unread count.
  const spaces = useMySpaces(showGroups).data?.spaces ?? [];
  const spaceLink = (s: { groupId: string; groupName: string; unread: number }) => {
    const to = `/groups/${s.groupId}/space`;
    const active = isActive(pathname, to);
    return (
      <NavLink
        key={to}
        component={Link}
        to={to}
        label={spaces.length === 1 ? 'Group space' : `Space: ${s.groupName}`}
        rightSection={
          s.unread > 0 ? (
            <Badge size="sm" variant="filled" circle>
              {s.unread}
              <VisuallyHidden> unread</VisuallyHidden>
            </Badge>
          ) : undefined
        }
        active={active}
        aria-current={active ? 'page' : undefined}
        className={classes.navLink}
        data-testid="nav-space"
      />
    );
  };
  const items = navItemsFor(me);

  return (
    <>
      {items.slice(0, 1).map(link)}
      {spaces.map(spaceLink)}
      {items.slice(1).map(link)}
      {showGroups && groups.data && groups.data.groups.length > 0 ? (
        <>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm" id="nav-groups">
            {me.user.role === 'participant' ? 'Your groups' : 'Groups'}
          </Text>
          <div role="group" aria-labelledby="nav-groups">
            {groups.data.groups.map((g) => link({ to: `/groups/${g.id}`, label: g.name }))}
          </div>
        </>
      ) : null}
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
        You
      </Text>
      {link({ to: '/account', label: 'Your account' })}
      {link({ to: '/account/notifications', label: 'Notification settings' })}
    </>
  );
}
