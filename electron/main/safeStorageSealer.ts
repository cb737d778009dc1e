import { safeStorage } from 'electron';
import { DeviceCredentialError, type Sealer } from '../sync/device/deviceCredentials';

/**
 * Seals the device credentials with the operating system's key store (Keychain, DPAPI, libsecret)
 * through Electron's safeStorage. Where no key store is available (a Linux without a secret service),
 * nothing is stored: a credential in plain text would be readable by anyone with the disk.
 */
export const safeStorageSealer: Sealer = {
  seal(plain) {
    // On Linux without a secret service, Electron falls back to a key written in its own source code.
    const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
    if (!safeStorage.isEncryptionAvailable() || weak) {
      throw new DeviceCredentialError(
        'Computeren har ingen nøglering, som Samtalerum kan gemme nøglen til delingsserveren i. Slå systemets nøglering til, og indløs invitationen igen.',
      );
    }
    return safeStorage.encryptString(plain);
  },
  open: (sealed) => safeStorage.decryptString(sealed),
};
