import { app, Menu, type MenuItemConstructorOptions } from 'electron';

// Electron's default menu is in English and offers developer tools to every user. Roles keep the
// platform behaviour (shortcuts, macOS conventions); the labels are set explicitly because roles
// otherwise show the operating system's or Electron's English wording.

export function installApplicationMenu(): void {
  app.setAboutPanelOptions({ applicationName: 'Samtalerum', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin')));
}

function menuTemplate(isMac: boolean): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { role: 'about', label: 'Om Samtalerum' };

  // On macOS the first menu is always the application's own, named after the app.
  const macAppMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Samtalerum',
          submenu: [
            about,
            separator,
            { role: 'services', label: 'Tjenester' },
            separator,
            { role: 'hide', label: 'Skjul Samtalerum' },
            { role: 'hideOthers', label: 'Skjul andre' },
            { role: 'unhide', label: 'Vis alle' },
            separator,
            { role: 'quit', label: 'Afslut Samtalerum' },
          ],
        },
      ]
    : [];

  // Reload and developer tools help while building the app; in the installed app a reload could
  // lose a half-written form, so they are left out there.
  const developerItems: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [
        { role: 'reload', label: 'Genindlæs' },
        { role: 'toggleDevTools', label: 'Udviklerværktøjer' },
        separator,
      ];

  // On macOS quitting lives in the application menu instead.
  const fileQuitItems: MenuItemConstructorOptions[] = isMac ? [] : [{ role: 'quit', label: 'Afslut' }];

  return [
    ...macAppMenu,
    {
      label: 'Filer',
      submenu: [{ role: 'close', label: 'Luk vindue' }, ...fileQuitItems],
    },
    {
      label: 'Rediger',
      submenu: [
        { role: 'undo', label: 'Fortryd' },
        { role: 'redo', label: 'Gentag' },
        separator,
        { role: 'cut', label: 'Klip' },
        { role: 'copy', label: 'Kopiér' },
        { role: 'paste', label: 'Sæt ind' },
        { role: 'selectAll', label: 'Markér alt' },
      ],
    },
    {
      label: 'Vis',
      submenu: [
        ...developerItems,
        { role: 'zoomIn', label: 'Zoom ind' },
        { role: 'zoomOut', label: 'Zoom ud' },
        { role: 'resetZoom', label: 'Faktisk størrelse' },
        separator,
        { role: 'togglefullscreen', label: 'Fuld skærm' },
      ],
    },
    {
      // role 'window' makes macOS list the open windows here.
      label: 'Vindue',
      role: 'window',
      submenu: isMac
        ? [{ role: 'minimize', label: 'Minimér' }, { role: 'zoom', label: 'Zoom' }, separator, { role: 'front', label: 'Anbring alle forrest' }]
        : [{ role: 'minimize', label: 'Minimér' }, { role: 'close', label: 'Luk' }],
    },
    {
      label: 'Hjælp',
      role: 'help',
      submenu: [about],
    },
  ];
}
