; Inno Setup script for GAN Studio's Windows installer; built by .github/workflows/desktop.yml
; after PyInstaller has frozen the app with packaging/ganstudio.spec into build\pyinstaller\dist.
; Per-user install by default (no administrator needed in a classroom), a Start menu entry for
; the windowed launcher, an uninstaller that removes every file it installed.
; Compile: iscc /DAppVersion=0.1.0 packaging\windows\ganstudio.iss

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z
#endif

[Setup]
AppId={{6C0F1B7E-5D0A-4E55-9A43-2B7D8E1C9F60}
AppName=GAN Studio
AppVersion={#AppVersion}
AppPublisher=The GAN Studio developers
DefaultDirName={autopf}\GAN Studio
DefaultGroupName=GAN Studio
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ganstudio-{#AppVersion}-windows-x86_64-setup
SetupIconFile=..\..\build\icons\ganstudio.ico
UninstallDisplayIcon={app}\ganstudio-gui.exe
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "..\..\build\pyinstaller\dist\ganstudio\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\GAN Studio"; Filename: "{app}\ganstudio-gui.exe"
Name: "{autodesktop}\GAN Studio"; Filename: "{app}\ganstudio-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\ganstudio-gui.exe"; Description: "{cm:LaunchProgram,GAN Studio}"; Flags: nowait postinstall skipifsilent
