package actor

import "testing"

// The dictionary reaches back to 1980: archives of the 1980s and 1990s
// (Reuters-21578 is from 1987) name officials by title and surname, and the
// same name or title must give a different holder or code on other dates.
func TestHistoricalHolders(t *testing.T) {
	d := load(t)
	tests := []resolveCase{
		// United States
		{"Secretary of State George Shultz", "1987-03-01", "USAGOV", "George Shultz"},
		{"Shultz", "1987-03-01", "USAGOV", "George Shultz"},
		{"Shultz", "1995-03-01", "USAELI", "George Shultz"},
		{"U.S. Secretary of State", "1981-06-01", "USAGOV", "Alexander Haig"},
		{"U.S. Secretary of State", "1991-06-01", "USAGOV", "James Baker"},
		{"U.S. Secretary of State", "1995-06-01", "USAGOV", "Warren Christopher"},
		{"Treasury Secretary James Baker", "1987-03-01", "USAGOV", "James Baker"},
		{"Baker", "1990-03-01", "USAGOV", "James Baker"},
		{"Baker", "1996-03-01", "USAELI", "James Baker"},
		{"the U.S. finance minister", "1990-03-01", "USAGOV", "Nicholas Brady"},
		{"President Carter", "1980-06-01", "USAGOV", "Jimmy Carter"},
		{"Vance", "1980-01-15", "USAGOV", "Cyrus Vance"},
		{"Vance", "2025-06-01", "USAGOV", "JD Vance"},
		// Soviet Union and Russia
		{"Foreign Minister Eduard Shevardnadze", "1987-03-01", "USRGOV", "Eduard Shevardnadze"},
		{"the Soviet foreign minister", "1987-03-01", "USRGOV", "Eduard Shevardnadze"},
		{"the Soviet foreign minister", "1983-03-01", "USRGOV", "Andrei Gromyko"},
		{"Soviet President Gromyko", "1987-03-01", "USRGOV", "Andrei Gromyko"},
		{"the Soviet leader", "1987-03-01", "USRGOV", "Mikhail Gorbachev"},
		{"the Soviet leader", "1983-06-01", "USRGOV", "Yuri Andropov"},
		{"the Soviet prime minister", "1987-03-01", "USRGOV", "Nikolai Ryzhkov"},
		{"Gorbachev", "1990-06-01", "USRGOV", "Mikhail Gorbachev"},
		{"Shevardnadze", "1993-06-01", "GEOGOV", "Eduard Shevardnadze"},
		{"Shevardnadze", "2005-06-01", "GEOELI", "Eduard Shevardnadze"},
		{"Weinberger", "1987-03-01", "USAGOVMIL", "Caspar Weinberger"},
		{"Cheney", "1991-03-01", "USAGOVMIL", "Dick Cheney"},
		{"Cheney", "2003-03-01", "USAGOV", "Dick Cheney"},
		{"the Russian prime minister", "1995-06-01", "RUSGOV", "Viktor Chernomyrdin"},
		{"the Russian foreign minister", "1994-06-01", "RUSGOV", "Andrei Kozyrev"},
		{"Primakov", "1997-06-01", "RUSGOV", "Yevgeny Primakov"},
		// China
		{"the Chinese foreign minister", "1990-06-01", "CHNGOV", "Qian Qichen"},
		{"Chinese President Li Xiannian", "1985-06-01", "CHNGOV", "Li Xiannian"},
		{"Deng Xiaoping", "1987-03-01", "CHNGOV", "Deng Xiaoping"},
		{"President Hu", "2006-06-01", "CHNGOV", "Hu Jintao"},
		// G7 leaders, foreign and finance ministers
		{"the British prime minister", "1987-03-01", "GBRGOV", "Margaret Thatcher"},
		{"Prime Minister Margaret Thatcher", "1987-03-01", "GBRGOV", "Margaret Thatcher"},
		{"the British foreign secretary", "1987-03-01", "GBRGOV", "Geoffrey Howe"},
		{"Chancellor of the Exchequer Nigel Lawson", "1987-03-01", "GBRGOV", "Nigel Lawson"},
		{"Lamont", "1998-06-01", "GBRELI", "Norman Lamont"},
		{"Chancellor Helmut Kohl", "1987-03-01", "DEUGOV", "Helmut Kohl"},
		{"the West German finance minister", "1987-03-01", "DEUGOV", "Gerhard Stoltenberg"},
		{"Genscher", "1987-03-01", "DEUGOV", "Hans-Dietrich Genscher"},
		{"the French prime minister", "1987-03-01", "FRAGOV", "Jacques Chirac"},
		{"French Finance Minister Edouard Balladur", "1987-03-01", "FRAGOV", "Édouard Balladur"},
		{"Finance Minister Kiichi Miyazawa", "1987-03-01", "JPNGOV", "Kiichi Miyazawa"},
		{"the Japanese finance minister", "1984-06-01", "JPNGOV", "Noboru Takeshita"},
		{"the Japanese prime minister", "1987-03-01", "JPNGOV", "Yasuhiro Nakasone"},
		{"the Italian prime minister", "1987-03-01", "ITAGOV", "Bettino Craxi"},
		{"the Canadian prime minister", "1987-03-01", "CANGOV", "Brian Mulroney"},
		{"Canadian Finance Minister Michael Wilson", "1987-03-01", "CANGOV", "Michael Wilson"},
		{"Trudeau", "1982-06-01", "CANGOV", "Pierre Trudeau"},
		{"Trudeau", "2017-06-01", "CANGOV", "Justin Trudeau"},
		// others much in 1980s news
		{"President Corazon Aquino", "1987-03-01", "PHLGOV", "Corazon Aquino"},
		{"Aquino", "2012-06-01", "PHLGOV", "Benigno Aquino III"},
		{"Hisham Nazer", "1987-03-01", "SAUGOV", "Hisham Nazer"},
		{"Yamani", "1987-03-01", "SAUELI", "Ahmed Zaki Yamani"},
		{"the Saudi king", "1981-06-01", "SAUGOV", "Khalid bin Abdulaziz"},
		{"the Israeli prime minister", "1985-06-01", "ISRGOV", "Shimon Peres"},
		{"the Israeli foreign minister", "1985-06-01", "ISRGOV", "Yitzhak Shamir"},
		{"the Iranian president", "1987-03-01", "IRNGOV", "Ali Khamenei"},
		{"Khomeini", "1987-03-01", "IRNGOV", "Ruhollah Khomeini"},
		{"Iraqi President Saddam Hussein", "1987-03-01", "IRQGOV", "Saddam Hussein"},
		{"King Hussein", "1987-03-01", "JORGOV", "Hussein of Jordan"},
		{"President Assad", "1987-03-01", "SYRGOV", "Hafez al-Assad"},
		{"President Assad", "2015-03-01", "SYRGOV", "Bashar al-Assad"},
		{"Egyptian President Hosni Mubarak", "1987-03-01", "EGYGOV", "Hosni Mubarak"},
		{"South African President P.W. Botha", "1987-03-01", "ZAFGOV", "P. W. Botha"},
		{"Mandela", "1987-03-01", "ZAFELI", "Nelson Mandela"},
		{"Mandela", "1996-03-01", "ZAFGOV", "Nelson Mandela"},
		{"the Indian prime minister", "1987-03-01", "INDGOV", "Rajiv Gandhi"},
		{"the Brazilian president", "1987-03-01", "BRAGOV", "José Sarney"},
		{"Argentine President Raul Alfonsin", "1987-03-01", "ARGGOV", "Raúl Alfonsín"},
		{"the Mexican president", "1987-03-01", "MEXGOV", "Miguel de la Madrid"},
		{"the South Korean president", "1987-03-01", "KORGOV", "Chun Doo-hwan"},
		{"Roh", "1990-03-01", "KORGOV", "Roh Tae-woo"},
		{"Roh", "2005-03-01", "KORGOV", "Roh Moo-hyun"},
		{"Turkish Prime Minister Turgut Ozal", "1987-03-01", "TURGOV", "Turgut Özal"},
		{"the Spanish prime minister", "1987-03-01", "ESPGOV", "Felipe González"},
		{"the Australian prime minister", "1987-03-01", "AUSGOV", "Bob Hawke"},
		{"the Nigerian president", "1987-03-01", "NGAGOV", "Ibrahim Babangida"},
		{"Pakistani President Zia", "1987-03-01", "PAKGOV", "Muhammad Zia-ul-Haq"},
		{"Walesa", "1992-03-01", "POLGOV", "Lech Wałęsa"},
		{"Libyan leader Moammar Gadhafi", "1986-04-15", "LBYGOV", "Muammar Gaddafi"},
		{"Castro", "1987-03-01", "CUBGOV", "Fidel Castro"},
		{"Castro", "2010-03-01", "CUBGOV", "Raúl Castro"},
		{"Pinochet", "1987-03-01", "CHLGOV", "Augusto Pinochet"},
		{"Pinochet", "1995-03-01", "CHLELI", "Augusto Pinochet"},
		{"President Michel Suleiman", "2008-08-20", "LBNGOV", "Michel Suleiman"},
		{"Chinese leader Deng Xiaoping", "1987-03-01", "CHNGOV", "Deng Xiaoping"},
		{"the Indonesian president", "1987-03-01", "IDNGOV", "Suharto"},
		{"UN Secretary-General", "1987-03-01", "IGOUNO", "Javier Pérez de Cuéllar"},
		{"Commission President Jacques Delors", "1987-03-01", "IGOEUREEC", "Jacques Delors"},
	}
	checkResolved(t, d, tests)
}

// Offices that begin or end in the period hand over on the right day: the
// last day of one holder and the first of the next.
func TestHistoricalHandovers(t *testing.T) {
	d := load(t)
	tests := []struct {
		office, date, person string
	}{
		{"USA.fm", "1982-07-15", ""}, // Haig left on 5 July, Shultz sworn in on the 16th
		{"USA.fm", "1982-07-16", "George Shultz"},
		{"USR.leader", "1985-03-09", "Konstantin Chernenko"},
		{"USR.leader", "1985-03-11", "Mikhail Gorbachev"},
		{"USR.fm", "1985-07-01", "Andrei Gromyko"},
		{"USR.fm", "1985-07-02", "Eduard Shevardnadze"},
		{"GBR.pm", "1990-11-27", "Margaret Thatcher"},
		{"GBR.pm", "1990-11-28", "John Major"},
		{"DEU.chancellor", "1982-09-30", "Helmut Schmidt"},
		{"DEU.chancellor", "1982-10-01", "Helmut Kohl"},
		{"SAU.oil", "1986-10-28", "Ahmed Zaki Yamani"},
		{"SAU.oil", "1986-10-29", "Hisham Nazer"},
		{"RUS.pm", "1999-08-08", "Sergei Stepashin"},
		{"RUS.pm", "1999-08-09", "Vladimir Putin"},
	}
	for _, tc := range tests {
		o := d.Office(tc.office)
		if o == nil {
			t.Fatalf("office %s missing", tc.office)
		}
		name := ""
		if h := o.Holder(day(t, tc.date)); h != nil {
			name = h.Person.Name
		}
		if name != tc.person {
			t.Errorf("%s on %s: got %q, want %q", tc.office, tc.date, name, tc.person)
		}
	}
}
