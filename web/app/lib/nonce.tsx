// Hands the response's CSP nonce from entry.server.tsx to the components that render inline scripts.
// In the browser there is none to hand (browsers hide it from the DOM once applied), hence ''.
import { createContext, useContext } from 'react'

const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export const useNonce = () => useContext(NonceContext)
