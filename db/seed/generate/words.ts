// Vocabulary for generated records. Lists are long enough that search by partial name returns a spread
// of matches, short enough that common prefixes ("mar", "son") hit many rows, as in a real CRM.

export const FIRST_NAMES =
  `Ada Adrian Aisha Alba Alejandro Alex Alice Amara Amelia Ana Andrea Anton Arjun Astrid Ava
  Beatriz Ben Bianca Boris Carla Carlos Chen Chiara Chloe Clara Daniel Daria David Diego Dmitri Elena Eli
  Elif Emil Emma Erik Esra Eva Fatima Felix Finn Freya Gabriel Greta Hana Hannah Hugo Ida Ines Ingrid Isaac
  Ivan Jakob Jana Javier Jin Johan Jonas Julia Kai Karin Kenji Lara Lars Laura Leila Lena Leo Liam Lina Luca
  Lucia Luis Maja Marco Maria Marta Mateo Maya Mei Mia Mika Milan Mina Nadia Nia Nils Noah Nora Olga Omar
  Oscar Paula Pedro Priya Rafael Ravi Rosa Sami Sara Sofia Stefan Tariq Tess Theo Tomas Uma Vera Viktor
  Yara Yusuf Zoe`.split(/\s+/)

export const LAST_NAMES =
  `Abbott Ahmed Alvarez Andersen Bauer Becker Bell Bianchi Brandt Brooks Carter Castro Chen
  Costa Cruz Dahl Diaz Dubois Eriksen Evans Fischer Fontaine Garcia Gomez Graham Gruber Hansen Hart Hoffmann
  Holm Horvat Hughes Ivanova Jansen Jensen Johansson Kaur Keller Khan Kim Klein Koch Kowalski Kumar Lang
  Larsen Lee Lindqvist Lopez Lund Maier Marino Martin Meyer Moreau Morgan Moretti Muller Murphy Nakamura
  Navarro Nguyen Nielsen Novak Okafor Olsen Ortiz Park Patel Perez Petrov Popescu Quinn Ramos Reyes Ricci
  Rossi Ruiz Sanchez Santos Sato Schmidt Schneider Schulz Silva Singh Sousa Stein Suzuki Tanaka Torres
  Vogel Wagner Walsh Weber Wolf Wong Yilmaz Young Zhang Zimmermann`.split(/\s+/)

export const COMPANY_ROOTS =
  `Acme Aldercrest Alpine Apex Arbor Atlas Aurora Beacon Birch Blue Bright Cascade Cedar
  Clearwater Cobalt Coral Crescent Crown Delta Drift Eagle Echo Ember Everest Falcon Fjord Frontier Galaxy
  Granite Harbor Helix Horizon Indigo Iron Juniper Keystone Lakeside Lighthouse Linden Lumen Maple Meridian
  Metro Nimbus Northwind Nova Oak Orbit Pacific Peak Pine Pioneer Polar Prairie Quantum Quarry Redwood
  Ridge River Sable Sage Sierra Silver Solstice Spruce Sterling Summit Sun Terra Thistle Tidal Timber Union
  Vantage Vertex Vista Willow Zenith`.split(/\s+/)

export const COMPANY_KINDS =
  `Analytics Bakery Brewing Builders Capital Clinics Consulting Dental Design Devices
  Energy Engineering Foods Freight Health Hotels Insurance Labs Logistics Media Motors Networks Optics
  Partners Pharma Print Realty Retail Robotics Security Software Solar Studios Systems Textiles Travel
  Ventures Water Wholesale`.split(/\s+/)

export const COMPANY_SUFFIXES = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'AG', 'S.A.', 'B.V.', 'Co.', 'Group', 'AB']

export const INDUSTRIES =
  `Retail Logistics Software Manufacturing Healthcare Finance Education Hospitality Energy
  Construction Media Telecom Agriculture Automotive Pharma`.split(/\s+/)

export const CITIES =
  `Amsterdam Austin Barcelona Berlin Boston Chicago Copenhagen Denver Dublin Hamburg Helsinki
  Kiel Lisbon London Lyon Madrid Milan Munich Oslo Paris Prague Rotterdam Seattle Singapore Stockholm
  Sydney Tokyo Toronto Vienna Warsaw Zurich`.split(/\s+/)

export const SIZES = ['1-10', '10-50', '50-200', '200-500', '500-1000', '1000+']

export const TITLES = `CEO CFO CTO COO Founder Buyer Controller Engineer Analyst Consultant Director
  Manager Owner Planner Specialist`.split(/\s+/)

export const TITLE_AREAS = ['Operations', 'Procurement', 'Finance', 'IT', 'Sales', 'Marketing', 'Logistics']

export const PRODUCT_ADJECTIVES =
  `Basic Compact Deluxe Eco Enterprise Express Flex Heavy-duty Lite Max Mini Modular Plus
  Premium Pro Rapid Smart Standard Ultra`.split(/\s+/)

export const PRODUCT_NOUNS =
  `Adapter Bundle Cable Camera Charger Console Dock Display Gateway Headset Hub Kiosk
  Licence Monitor Printer Reader Router Scanner Sensor Server Shelf Station Subscription Terminal Tablet
  Training Workshop`.split(/\s+/)

export const PRODUCT_CATEGORIES = ['Hardware', 'Licences', 'Services', 'Support', 'Accessories', 'Training']

export const DEAL_WORDS =
  `roll-out renewal expansion pilot upgrade migration refresh onboarding seats licences
  support bundle replacement rollout trial`.split(/\s+/)

export const ACTIVITY_SUBJECTS: Record<'call' | 'email' | 'meeting' | 'note', readonly string[]> = {
  call: ['Intro call', 'Follow-up call', 'Pricing call', 'Check-in call', 'Discovery call'],
  email: ['Quote sent', 'Proposal sent', 'Contract draft sent', 'Thank-you note', 'Pricing questions'],
  meeting: ['On-site demo', 'Kick-off meeting', 'Quarterly review', 'Workshop', 'Negotiation meeting'],
  note: [
    'Budget confirmed',
    'Decision next quarter',
    'Prefers email',
    'Champion identified',
    'Spoke briefly',
  ],
}

export const PROCESS_NAMES = `Renewals Enterprise Partners Upsell Inbound Outbound Public-sector Channel
  Services`.split(/\s+/)
