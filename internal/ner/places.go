package ner

import "strings"

// places are names of US states, Canadian provinces, Australian states,
// the main regions of some large countries, continents and large cities
// that the actor dictionary (countries and capitals) does not hold, in
// lower case; a feature says a word or word pair is one. They
// are facts, listed by hand.
var places = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(`alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|
ontario|quebec|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland|queensland|new south wales|victoria|tasmania|
new york city|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|austin|jacksonville|san francisco|columbus|seattle|denver|boston|detroit|nashville|memphis|portland|las vegas|baltimore|milwaukee|atlanta|miami|oakland|minneapolis|cleveland|tampa|new orleans|honolulu|pittsburgh|cincinnati|st. louis|orlando|sacramento|buffalo|brooklyn|manhattan|queens|bronx|hollywood|toronto|montreal|vancouver|calgary|sydney|melbourne|brisbane|perth|auckland|
manchester|liverpool|birmingham|leeds|glasgow|edinburgh|bristol|oxford|cambridge|paris|marseille|lyon|nice|munich|hamburg|frankfurt|cologne|milan|naples|venice|florence|barcelona|seville|valencia|porto|geneva|zurich|istanbul|st. petersburg|mumbai|bombay|kolkata|calcutta|chennai|bangalore|hyderabad|karachi|lahore|shanghai|hong kong|guangzhou|shenzhen|osaka|kyoto|dubai|jeddah|alexandria|casablanca|johannesburg|cape town|lagos|rio de janeiro|sao paulo|buenos aires|mexico city|guadalajara|
europe|asia|africa|north america|south america|latin america|middle east|caribbean|pacific|atlantic|mediterranean|midwest|new england|
andhra pradesh|arunachal pradesh|assam|bihar|chhattisgarh|goa|gujarat|haryana|himachal pradesh|jharkhand|karnataka|kerala|madhya pradesh|maharashtra|manipur|meghalaya|mizoram|nagaland|odisha|orissa|punjab|rajasthan|sikkim|tamil nadu|telangana|tripura|uttar pradesh|uttarakhand|west bengal|kashmir|jammu|ladakh|
anhui|fujian|gansu|guangdong|guangxi|guizhou|hainan|hebei|heilongjiang|henan|hubei|hunan|jiangsu|jiangxi|jilin|liaoning|qinghai|shaanxi|shandong|shanxi|sichuan|yunnan|zhejiang|tibet|xinjiang|inner mongolia|manchuria|
bavaria|saxony|hesse|brandenburg|thuringia|lower saxony|north rhine-westphalia|rhineland|catalonia|andalusia|galicia|basque country|tuscany|lombardy|sicily|sardinia|piedmont|veneto|provence|normandy|brittany|alsace|corsica|flanders|wallonia|scandinavia|balkans|baltic|siberia|chechnya|dagestan|crimea|donbas|transylvania|
england|scotland|wales|northern ireland|yorkshire|cornwall|kent|essex|sussex|surrey|lancashire|
punjab|sindh|balochistan|khyber pakhtunkhwa|waziristan|kurdistan|gaza|west bank|golan heights|sinai|darfur|sahara|sahel|patagonia|amazon|andes|himalayas|alps|siberia|yukon|nunavut|northwest territories|
bali|java|sumatra|borneo|sulawesi|mindanao|luzon|okinawa|hokkaido|kyushu|honshu|sardinia|crete|cyprus|sicily|jalisco|chihuahua|sonora|oaxaca|chiapas|yucatan|baja california|bahia|minas gerais|amazonas|patagonia`, "|") {
		if p = strings.TrimSpace(p); p != "" {
			m[p] = true
		}
	}
	return m
}()
